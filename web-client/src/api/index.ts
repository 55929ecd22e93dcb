// The API as the web client sees it: its wire types, the paths, and the HTTP client.
export * from './types';
export { paths } from './paths';
export { ApiError, PhotosApi } from './client';
