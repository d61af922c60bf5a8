/* eslint-disable */
// DO NOT EDIT. Written by `npm run generate` from openapi/service.yaml; change the spec and regenerate.

export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Check the process is alive
         * @description Liveness: answers 200 while the process can serve HTTP at all, whatever the state of the database. Not versioned, not rate limited.
         */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Check the process can serve requests
         * @description Readiness: answers 200 when the database and, where configured, Redis answer; 503 `SERVICE_UNAVAILABLE` naming what does not, and from the moment the process is told to stop (`details.server`: `is shutting down`), while it drains. Not versioned, not rate limited.
         */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/docs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read the API reference
         * @description Returns the Redoc reference of one version as an HTML page, with a switch to the other version. Everything it needs is served by this server, so it works offline. Not rate limited.
         */
        get: operations["getApiDocs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/docs/redoc.standalone.js": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the Redoc script of the reference
         * @description Returns the Redoc browser bundle the reference page loads, from the installed `redoc` package rather than a CDN. Not rate limited.
         */
        get: operations["getRedocScript"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get this service description
         * @description Returns this OpenAPI document as JSON: the endpoints at the server root, outside the versioned API. The versioned APIs describe themselves at `/api/v1/openapi.json` and `/api/v2/openapi.json`. Not rate limited.
         */
        get: operations["getServiceDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description The process is alive. */
        Health: {
            /**
             * @description Always `ok`.
             * @constant
             */
            status: "ok";
        };
        /** @description What the process depends on, and whether it answers. */
        Readiness: {
            /**
             * @description Always `ready`; a process that is not ready answers 503.
             * @constant
             */
            status: "ready";
            /** @description One entry per dependency. */
            checks: {
                /**
                 * @description The database answered a query.
                 * @enum {string}
                 */
                database: "up";
                /**
                 * @description Redis answered a ping, or no `REDIS_URL` is set.
                 * @enum {string}
                 */
                redis: "up" | "not configured";
            };
        };
        /**
         * @description The stable, machine-readable code of an error; it never changes across versions and
         *     clients may switch on it. New codes may be added in a minor release: treat a code you do
         *     not know by its HTTP status.
         *
         *     | code | meaning |
         *     | --- | --- |
         *     | `BAD_REQUEST` | 400: a malformed path, query or header parameter, JSON that does not parse, or a body that is not valid UTF-8; `details` names the field. |
         *     | `UNSUPPORTED_VERSION` | 400: `Accept-Version` names a version this server does not serve. |
         *     | `INVALID_CURSOR` | 400: a `cursor` this list did not issue, or one from another sort or filter. |
         *     | `UNAUTHORIZED` | 401: no bearer token where one is required, or one that is unknown, expired or malformed. |
         *     | `INVALID_CREDENTIALS` | 401: sign-in with a wrong email or password (the same code for both). |
         *     | `FORBIDDEN` | 403: the signed-in user may not do this (another user's account or post, or `role` without being an admin). |
         *     | `NOT_FOUND` | 404: no operation is at this path. |
         *     | `USER_NOT_FOUND` | 404: no user has this id. |
         *     | `POST_NOT_FOUND` | 404: no post has this id. |
         *     | `METHOD_NOT_ALLOWED` | 405: the path exists but not with this method; `Allow` lists those it has. |
         *     | `NOT_ACCEPTABLE` | 406: the operation cannot answer in any media type `Accept` allows. |
         *     | `EMAIL_TAKEN` | 409: another user already has this email. |
         *     | `IDEMPOTENCY_KEY_IN_USE` | 409: a request with this `Idempotency-Key` is still being processed. |
         *     | `PRECONDITION_FAILED` | 412: `If-Match` does not match the current version of the resource; nothing was changed. |
         *     | `PAYLOAD_TOO_LARGE` | 413: the request body is larger than the server accepts. |
         *     | `UNSUPPORTED_MEDIA_TYPE` | 415: a body that is not `application/json` in UTF-8. |
         *     | `VALIDATION_ERROR` | 422: the body breaks the schema; `details` maps each failing field to its messages. |
         *     | `IDEMPOTENCY_KEY_REUSED` | 422: this `Idempotency-Key` was used with a different request. |
         *     | `RATE_LIMIT_EXCEEDED` | 429: the client's budget for this window is spent; `Retry-After` says when to try again. |
         *     | `INTERNAL_ERROR` | 500: a fault on the server's side; quote the `request_id` when reporting it. |
         *     | `SERVICE_UNAVAILABLE` | 503: the database or the rate-limit store is briefly unreachable, or the disk is full; try again shortly. |
         * @example USER_NOT_FOUND
         * @enum {string}
         */
        ErrorCode: "BAD_REQUEST" | "UNSUPPORTED_VERSION" | "INVALID_CURSOR" | "UNAUTHORIZED" | "INVALID_CREDENTIALS" | "FORBIDDEN" | "NOT_FOUND" | "USER_NOT_FOUND" | "POST_NOT_FOUND" | "METHOD_NOT_ALLOWED" | "NOT_ACCEPTABLE" | "EMAIL_TAKEN" | "IDEMPOTENCY_KEY_IN_USE" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "VALIDATION_ERROR" | "IDEMPOTENCY_KEY_REUSED" | "RATE_LIMIT_EXCEEDED" | "INTERNAL_ERROR" | "SERVICE_UNAVAILABLE";
        /** @description The one shape of every error the API sends. */
        ErrorResponse: {
            /** @description What went wrong. */
            error: {
                code: components["schemas"]["ErrorCode"];
                /**
                 * @description A human-readable explanation; it may change between releases.
                 * @example No user has id 42.
                 */
                message: string;
                /** @description For validation errors, each failing field's path (`email`, `tags.0`) mapped to its messages. */
                details?: {
                    [key: string]: string[];
                };
                /** @description With `RATE_LIMIT_EXCEEDED`: seconds until the next request can succeed, as in `Retry-After`. */
                retry_after?: number;
                /**
                 * @description The id of the request, as in the `X-Request-ID` header.
                 * @example 6f1c2e9a-8d4b-4a57-9a0e-2f3b1c5d7e80
                 */
                request_id: string;
            };
        };
        /** @description An OpenAPI 3.1 document. */
        OpenApiDocument: {
            /** @description The OpenAPI version the document follows. */
            openapi: string;
            /** @description Title, version and description of the API. */
            info: Record<string, never>;
            /** @description The operations of the API by path. */
            paths: Record<string, never>;
        };
        /** @description An error as RFC 9457 problem details, sent as `application/problem+json` to a client that asks for it in `Accept`; the same error as `ErrorResponse`, member for member. */
        ProblemDetails: {
            /**
             * Format: uri
             * @description A stable URI naming the kind of problem, one per `code`: `tag:api@example.com,2026:problems/` followed by the code in lower kebab case (the list is in the README, "Errors as problem details").
             * @example tag:api@example.com,2026:problems/user-not-found
             */
            type: string;
            /**
             * @description A short human-readable summary of the kind of problem; the same for every occurrence of its `code`.
             * @example The user does not exist
             */
            title: string;
            /**
             * @description The HTTP status code of this response.
             * @example 404
             */
            status: number;
            /**
             * @description A human-readable explanation of this occurrence, the `message` of the error shape; it may change between releases.
             * @example No user has id 42.
             */
            detail: string;
            /**
             * Format: uri-reference
             * @description The path of the request, as the client sent it.
             * @example /api/v1/users/42
             */
            instance: string;
            /**
             * @description The stable UPPER_SNAKE code of the error shape; it never changes across versions.
             * @example USER_NOT_FOUND
             */
            code: string;
            /** @description For validation errors, each failing field's path (`email`, `tags.0`) mapped to its messages: the `details` of the error shape. */
            errors?: {
                [key: string]: string[];
            };
            /** @description With `RATE_LIMIT_EXCEEDED`: seconds until the next request can succeed, as in `Retry-After`. */
            retry_after?: number;
            /**
             * @description The id of the request, as in the `X-Request-ID` header.
             * @example 6f1c2e9a-8d4b-4a57-9a0e-2f3b1c5d7e80
             */
            request_id: string;
        };
    };
    responses: {
        /** @description The process is alive. */
        Health: {
            headers: {
                "X-Request-ID": components["headers"]["XRequestId"];
                "X-Response-Time": components["headers"]["XResponseTime"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Health"];
            };
        };
        /** @description Every dependency answered. */
        Ready: {
            headers: {
                "X-Request-ID": components["headers"]["XRequestId"];
                "X-Response-Time": components["headers"]["XResponseTime"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Readiness"];
            };
        };
        /** @description A dependency did not answer, or the process is shutting down (`SERVICE_UNAVAILABLE`); `details` names which. */
        NotReady: {
            headers: {
                "X-Request-ID": components["headers"]["XRequestId"];
                "X-Response-Time": components["headers"]["XResponseTime"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description The reference page. */
        ApiDocs: {
            headers: {
                "X-Request-ID": components["headers"]["XRequestId"];
                "X-Response-Time": components["headers"]["XResponseTime"];
                [name: string]: unknown;
            };
            content: {
                "text/html": string;
            };
        };
        /** @description The Redoc bundle. */
        RedocScript: {
            headers: {
                "X-Request-ID": components["headers"]["XRequestId"];
                "X-Response-Time": components["headers"]["XResponseTime"];
                [name: string]: unknown;
            };
            content: {
                "application/javascript": string;
            };
        };
        /** @description The version asked for does not exist (`BAD_REQUEST`). */
        DocsBadRequest: {
            headers: {
                "X-Request-ID": components["headers"]["XRequestId"];
                "X-Response-Time": components["headers"]["XResponseTime"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description This OpenAPI document. */
        ServiceDocument: {
            headers: {
                "X-Request-ID": components["headers"]["XRequestId"];
                "X-Response-Time": components["headers"]["XResponseTime"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["OpenApiDocument"];
            };
        };
    };
    parameters: {
        /**
         * @description The version to show.
         * @example 2
         */
        DocsVersion: "1" | "2";
    };
    requestBodies: never;
    headers: {
        /**
         * @description The id of this request; an incoming well-formed `X-Request-ID` is echoed, otherwise a new UUID.
         * @example 6f1c2e9a-8d4b-4a57-9a0e-2f3b1c5d7e80
         */
        XRequestId: string;
        /**
         * @description How long the server took to produce the response, in milliseconds.
         * @example 3.142ms
         */
        XResponseTime: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Health"];
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Ready"];
            503: components["responses"]["NotReady"];
        };
    };
    getApiDocs: {
        parameters: {
            query?: {
                /**
                 * @description The version to show.
                 * @example 2
                 */
                version?: components["parameters"]["DocsVersion"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["ApiDocs"];
            400: components["responses"]["DocsBadRequest"];
        };
    };
    getRedocScript: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["RedocScript"];
        };
    };
    getServiceDocument: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["ServiceDocument"];
        };
    };
}
