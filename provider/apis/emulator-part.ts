import type { z } from 'zod';
import type { ServiceErrorKind } from './endpoint-service';

/** What an API answers in the emulator: a status and a JSON body. */
export interface EmulatorAnswer {
  /** The HTTP status. */
  status: number;
  /** The JSON body. */
  body: unknown;
}

/** What an API's emulator part sees of a request that passed the gateway and its scope checks. */
export interface EmulatorRequest {
  /** The query parameters. */
  readonly query: URLSearchParams;
  /** Path parameters by their reference names (`project_id`). */
  readonly params: Readonly<Record<string, string>>;
  /** A request header's value (the last one, when sent twice). */
  header(name: string): string | undefined;
  /** The caller is the account's own (root) user, not an IAM user. */
  readonly root: boolean;
  /** The URL of the base path the request came through, for bodies that link to themselves. */
  readonly baseUrl: string;
  /** Answers with the service's own error, in its code, status and body shape. */
  error(kind: ServiceErrorKind, message: string): EmulatorAnswer;
}

/** How the local emulator serves an API: where the state keeps its quotas, and how it answers. */
export interface EmulatorPart<Entry extends z.ZodTypeAny = z.ZodTypeAny, Level extends 'project' | 'account' = 'project' | 'account', Key extends string = string> {
  /** Where the state keeps its quotas: on each project, or on the account (MetaStudio's users, IAM's account quotas). */
  readonly level: Level;
  /** The state's field for them: `kmsQuotas`. */
  readonly stateKey: Key;
  /** One entry of that list, as a state file writes it. */
  readonly entry: Entry;
  /** The field no two entries may share. Default `type`. */
  readonly uniqueBy?: string;
  /**
   * The built-in state's entries for an owner: a project by its name (`cn-north-4`, `cn-north-4_dev`, `eu-west-101`),
   * or `account`. Checked against `entry` when the state is loaded.
   */
  defaults(owner: string): readonly object[];
  /** The query parameters it takes, each with a check of its value. Others are ignored, as the services do. */
  readonly query?: Readonly<Record<string, (value: string) => boolean>>;
  /** Those of `query` that may be given more than once (ELB's `quota_key`); the others may not. */
  readonly repeatable?: readonly string[];
  /** A refusal of its own before answering (SFS Turbo's mandatory `Content-Type`, MetaStudio's root-only rule). */
  refuse?(request: EmulatorRequest): EmulatorAnswer | undefined;
  /** The body of a 200 answer, from the state's entries. */
  answer(entries: NoInfer<z.output<Entry>>[], request: EmulatorRequest): unknown;
}

/**
 * Declares an emulator part, keeping its entry type for `answer` and its state key for the state's type. It is made
 * on first use, once: a client that never starts the emulator never builds its schemas.
 */
export function emulatorPart<Entry extends z.ZodTypeAny, const Level extends 'project' | 'account', const Key extends string>(
  make: () => EmulatorPart<Entry, Level, Key>,
): () => EmulatorPart<Entry, Level, Key> {
  let part: EmulatorPart<Entry, Level, Key> | undefined;
  return () => (part ??= make());
}

/** A whole number in [min, max], written in plain digits: a query rule. */
export function integerBetween(min: number, max: number): (value: string) => boolean {
  return (value) => /^\d{1,10}$/.test(value) && Number(value) >= min && Number(value) <= max;
}
