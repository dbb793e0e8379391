export * from './identity';
export * from './jwt';
export * from './jwks';
export * from './access-token';
export * from './signature';
