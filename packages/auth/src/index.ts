export * from './identity';
export * from './jwt';
export * from './jwks';
export * from './access-token';
export * from './signature';
export * from './nonce-store';
export * from './redis-nonce-store';
export * from './single-use';
