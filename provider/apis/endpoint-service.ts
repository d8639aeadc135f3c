/** The errors a service answers with itself, once the gateway has let a request through. */
export type ServiceErrorKind = 'badRequest' | 'forbidden' | 'notFound' | 'noPermission' | 'internal';

/** A service's error code for one kind, with the HTTP status it comes with. */
export interface ServiceErrorCode {
  /** The service's own code, such as `KMS.0307`. */
  readonly code: string;
  /** The HTTP status it comes with. */
  readonly status: number;
}

/** A Huawei Cloud service as its endpoints and its error answers know it. */
export interface EndpointService<Host extends string = string> {
  /** The host name's first label (`kms` in `kms.cn-north-4.myhuaweicloud.com`); the key of the `endpoints` option. */
  readonly host: Host;
  /** How the official SDKs spell it in `HUAWEICLOUD_SDK_REGION_{SERVICE}_{REGION}`. */
  readonly envName: string;
  /** Its name in messages: `KMS`, `SFS Turbo`. */
  readonly title: string;
  /**
   * Its error codes, from its error-code page. `noPermission` is what an IAM user without the service's permission
   * gets; `notFound` is its answer for an unknown project.
   */
  readonly errors: Readonly<Record<ServiceErrorKind, ServiceErrorCode>>;
  /** Its error body for a code and a message: `{error_code, error_msg}`, `{error: {code, message}}`... */
  errorBody(code: string, message: string): unknown;
  /** The regions it is offered in; absent: every region. */
  readonly regions?: readonly string[];
}

/** Declares a service, keeping its host name as a literal type. */
export function defineService<const Host extends string>(service: EndpointService<Host>): EndpointService<Host> {
  return service;
}

/** `{error_code, error_msg}`: IAM, MetaStudio, ELB and the API gateway. */
export function flatErrorBody(code: string, message: string): unknown {
  return { error_code: code, error_msg: message };
}
