export { galleryModule, SERVICE_ROOT } from './module';
