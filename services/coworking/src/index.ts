export { coworkingModule, SERVICE_ROOT } from './module';
