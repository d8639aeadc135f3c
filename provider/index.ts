// The package root: the Pulumi layer (data sources and guards arrive in later issues) plus everything in `/client`.
export * from './client';
