export { tenantsModule, SERVICE_ROOT } from './module';
