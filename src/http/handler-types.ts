// Turns an openapi-typescript `operations` entry into the input and result of its handler: the
// generated handler maps (generated/v*/handlers.ts) build on these types, the router reads them.
import type { CsvExport } from '../versions/csv.js';

export type { CsvExport };

type Defined<T, Fallback> = [NonNullable<T>] extends [never] ? Fallback : NonNullable<T>;
type JsonOf<T> = T extends { content: { 'application/json': infer B } } ? B : undefined;
type SuccessStatus = 200 | 201 | 202 | 204;

/** Path parameters after validation and coercion. */
export type PathParams<Op> = Op extends { parameters: { path?: infer P } } ? Defined<P, Record<string, never>> : Record<string, never>;
type WithDefaults<Q, D> = Omit<Q, D & keyof Q> & Required<Pick<Q, D & keyof Q>>;
/** Query parameters after validation and coercion; those with a default in the spec are always present. */
export type QueryParams<Op, D = never> = Op extends { parameters: { query?: infer Q } }
  ? [NonNullable<Q>] extends [never]
    ? Record<string, never>
    : WithDefaults<NonNullable<Q>, D>
  : Record<string, never>;
/** The validated JSON body, or undefined where the operation takes none. */
export type RequestBody<Op> = Op extends { requestBody: infer R }
  ? JsonOf<R>
  : Op extends { requestBody?: infer R }
    ? [NonNullable<R>] extends [never]
      ? undefined
      : JsonOf<NonNullable<R>> | undefined
    : undefined;

export interface OperationInput<Op, D = never> {
  params: PathParams<Op>;
  query: QueryParams<Op, D>;
  body: RequestBody<Op>;
}

type CsvOf<R, S> = R extends { content: { 'text/csv': unknown } } ? { status: S; csv: CsvExport; headers?: Record<string, string> } : never;

/** Every success response the spec declares: its status, its JSON body (or CSV export) and extra headers. */
export type OperationResult<Op> = Op extends { responses: infer R }
  ? {
      [S in keyof R & SuccessStatus]:
        | (JsonOf<R[S]> extends undefined
            ? { status: S; body?: undefined; headers?: Record<string, string> }
            : { status: S; body: JsonOf<R[S]>; headers?: Record<string, string> })
        | CsvOf<R[S], S>;
    }[keyof R & SuccessStatus]
  : never;

export type OperationHandler<Op, Ctx, D = never> = (input: OperationInput<Op, D>, ctx: Ctx) => Promise<OperationResult<Op>>;

/**
 * Defaults names, per operationId, the query parameters whose schema has a default; SignedIn
 * the operations whose security requires a token, whose handlers get SignedInCtx.
 */
export type HandlerMap<Ops, Ctx, SignedInCtx, Defaults, SignedIn> = {
  [K in keyof Ops]: OperationHandler<Ops[K], K extends SignedIn ? SignedInCtx : Ctx, K extends keyof Defaults ? Defaults[K] : never>;
};
