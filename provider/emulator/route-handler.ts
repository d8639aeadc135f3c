import type { IncomingHttpHeaders } from 'node:http';
import type { EmulatorAnswer } from '../apis/emulator-part';
import type { Caller } from './authenticate';
import type { EmulatorState } from './state-schema';

/** What an API answers: a status and a JSON body (the same as a definition's emulator part answers). */
export type RouteResult = EmulatorAnswer;

/** What an API sees of an authenticated request. */
export interface RouteContext {
  caller: Caller;
  /** The live state. */
  state: EmulatorState;
  /** The base path's region; `undefined` for the global IAM endpoint. */
  region: string | undefined;
  /** Path parameters by their reference names (`project_id`, `domain_id`). */
  params: Readonly<Record<string, string>>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** The URL of the base path the request came through (`{url}/iam` or `{url}/iam/{region}`), for IAM's `links`. */
  baseUrl: string;
}

/** One API: reads the state, answers in its service's shapes. */
export type RouteHandler = (context: RouteContext) => RouteResult;
