/* eslint-disable */
// DO NOT EDIT. Written by `npm run generate` from openapi/v2.yaml; change the spec and regenerate.

export interface paths {
    "/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List users
         * @description Returns users, newest first: one page in offset or cursor mode in JSON, or every matching user as `text/csv`.
         */
        get: operations["listUsers"];
        put?: never;
        /**
         * Create a user
         * @description Signs a user up; no token needed. The email must not belong to another user, whatever its letter case. Only an admin (with a token) may send `role`.
         */
        post: operations["createUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The id of the user.
                 * @example 1
                 */
                userId: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        /**
         * Get a user
         * @description Returns one user by id.
         */
        get: operations["getUser"];
        put?: never;
        post?: never;
        /**
         * Delete a user
         * @description Deletes a user together with every post the user wrote and every token. A user may delete only itself, an admin anyone.
         */
        delete: operations["deleteUser"];
        options?: never;
        head?: never;
        /**
         * Update a user
         * @description Changes the fields the body names and leaves the others as they are. A user may change only itself, an admin anyone; only an admin may send `role`. A new `password` ends every token of the user but the one in use.
         */
        patch: operations["updateUser"];
        trace?: never;
    };
    "/users/{userId}/posts": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The id of the user.
                 * @example 1
                 */
                userId: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        /**
         * List a user's posts
         * @description Returns the posts one user wrote, newest first: one page in offset or cursor mode in JSON, or every matching post as `text/csv`.
         */
        get: operations["listUserPosts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/posts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List posts
         * @description Returns posts by every author, newest first: one page in offset or cursor mode in JSON, or every matching post as `text/csv`.
         */
        get: operations["listPosts"];
        put?: never;
        /**
         * Create a post
         * @description Creates a post written by the caller; an admin may name another author with `author_id`.
         */
        post: operations["createPost"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/posts/{postId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The id of the post.
                 * @example 1
                 */
                postId: components["parameters"]["PostId"];
            };
            cookie?: never;
        };
        /**
         * Get a post
         * @description Returns one post by id, with its author nested.
         */
        get: operations["getPost"];
        put?: never;
        post?: never;
        /**
         * Delete a post
         * @description Deletes a post. Only the author or an admin may delete it.
         */
        delete: operations["deletePost"];
        options?: never;
        head?: never;
        /**
         * Update a post
         * @description Changes the fields the body names and leaves the others as they are; sent `tags` replace the old ones. Only the author or an admin may change a post.
         */
        patch: operations["updatePost"];
        trace?: never;
    };
    "/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a token
         * @description Signs in: trades an email and password for a bearer token. Wrong credentials get the same answer whether or not the email belongs to a user.
         */
        post: operations["createToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tokens/current": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete the current token
         * @description Signs out: the token this request carries stops working at once.
         */
        delete: operations["deleteToken"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search users and posts
         * @description Finds users by name or email and posts by title, body or tags, best match first. Paged like the other lists (offset or cursor mode); as `text/csv`, every match.
         */
        get: operations["search"];
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
         * Get this API description
         * @description Returns this OpenAPI document as JSON, so tools can read the contract from the server itself.
         */
        get: operations["getOpenApiDocument"];
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
        /**
         * Format: int32
         * @description A server-assigned identifier.
         * @example 1
         */
        Id: number;
        /**
         * Format: date-time
         * @description A moment in UTC, in RFC 3339 form with milliseconds.
         * @example 2026-11-24T09:30:00.000Z
         */
        Timestamp: string;
        /**
         * Format: email
         * @description The email address of the user; unique among users regardless of letter case.
         * @example ada@example.com
         */
        Email: string;
        /**
         * @description The name the user is shown by.
         * @example Ada Lovelace
         */
        UserName: string;
        /**
         * @description What the user may do; `admin` may manage everyone.
         * @example user
         * @enum {string}
         */
        Role: "user" | "admin";
        /**
         * Format: password
         * @description The password to sign in with; stored only as a salted scrypt hash and never sent back.
         * @example correct horse battery staple
         */
        Password: string;
        /**
         * @description The title of the post.
         * @example Notes on the Analytical Engine
         */
        PostTitle: string;
        /**
         * @description The text of the post.
         * @example The engine weaves algebraic patterns just as the Jacquard loom weaves flowers and leaves.
         */
        PostBody: string;
        /**
         * @description Short labels that group posts; order is kept.
         * @example [
         *       "mathematics",
         *       "history"
         *     ]
         */
        Tags: string[];
        /** @description A person who has an account. */
        User: {
            id: components["schemas"]["Id"];
            email: components["schemas"]["Email"];
            name: components["schemas"]["UserName"];
            role: components["schemas"]["Role"];
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
            _links: components["schemas"]["UserLinks"];
        };
        /** @description What a client sends to sign up; the server assigns the rest. Only an admin may send `role`. */
        UserCreate: {
            email: components["schemas"]["Email"];
            name: components["schemas"]["UserName"];
            /** @default user */
            role?: components["schemas"]["Role"];
            password: components["schemas"]["Password"];
        };
        /** @description The user fields to change; at least one. Only an admin may send `role`; a new `password` ends every other token of the user. */
        UserUpdate: {
            email?: components["schemas"]["Email"];
            name?: components["schemas"]["UserName"];
            role?: components["schemas"]["Role"];
            password?: components["schemas"]["Password"];
        };
        /** @description One page of users, newest first, with its paging. */
        UserList: {
            /** @description The users on this page. */
            data: components["schemas"]["User"][];
            meta: components["schemas"]["PageMeta"];
            links: components["schemas"]["PageLinks"];
        };
        /** @description A post with its author nested. */
        Post: {
            id: components["schemas"]["Id"];
            title: components["schemas"]["PostTitle"];
            body: components["schemas"]["PostBody"];
            tags: components["schemas"]["Tags"];
            /** @description The user who wrote the post. */
            readonly author: components["schemas"]["User"];
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
            _links: components["schemas"]["PostLinks"];
        };
        /** @description What a client sends to create a post; the server assigns the rest. The author is the caller unless an admin names another. */
        PostCreate: {
            title: components["schemas"]["PostTitle"];
            /** @default  */
            body?: components["schemas"]["PostBody"];
            /** @default [] */
            tags?: components["schemas"]["Tags"];
            /**
             * Format: int32
             * @description The id of the user who writes the post; the caller when absent. Anyone but an admin may name only itself.
             * @example 1
             */
            author_id?: number;
        };
        /** @description The post fields to change; at least one. The author of a post never changes. */
        PostUpdate: {
            title?: components["schemas"]["PostTitle"];
            body?: components["schemas"]["PostBody"];
            tags?: components["schemas"]["Tags"];
        };
        /** @description One page of posts, newest first, with its paging. */
        PostList: {
            /** @description The posts on this page. */
            data: components["schemas"]["Post"][];
            meta: components["schemas"]["PageMeta"];
            links: components["schemas"]["PageLinks"];
        };
        /** @description The credentials to trade for a token. */
        TokenCreate: {
            email: components["schemas"]["Email"];
            /**
             * Format: password
             * @description The password of the user.
             * @example correct horse battery staple
             */
            password: string;
        };
        /** @description A bearer token and the user it acts for. */
        Token: {
            /**
             * @description The opaque secret to send as `Authorization: Bearer <token>`; shown only once.
             * @example upa_3q2Vv8m0pXb4sE1tKj9fRz6LwYhN5cGdA7uQiOeT0Bk
             */
            token: string;
            /**
             * @description How to send the token.
             * @enum {string}
             */
            token_type: "Bearer";
            /**
             * Format: date-time
             * @description When the token stops working, in RFC 3339 form.
             * @example 2026-11-25T09:30:00.000Z
             */
            expires_at: string;
            /** @description The user the token acts for. */
            user: components["schemas"]["User"];
        };
        /** @description Where this page lies in the whole list: offset mode (with `page`) or cursor mode (without), told apart by `mode`. */
        PageMeta: components["schemas"]["OffsetPageMeta"] | components["schemas"]["CursorPageMeta"];
        /** @description Absolute URLs of this page and its neighbours; they keep the request's other query parameters. */
        PageLinks: {
            /**
             * Format: uri
             * @description This page.
             */
            self: string;
            /**
             * Format: uri
             * @description The next page (in cursor mode it carries the `cursor`), or null on the last page.
             */
            next: string | null;
            /**
             * Format: uri
             * @description The previous page in offset mode; null on the first page and always in cursor mode, which walks forward only.
             */
            prev: string | null;
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
        /** @description An error as RFC 9457 problem details, sent as `application/problem+json` to a client that asks for it in `Accept`; the same error as `ErrorResponse`, member for member. */
        ProblemDetails: {
            /**
             * Format: uri
             * @description A stable URI naming the kind of problem, one per `code`: `tag:api@example.com,2026:problems/` followed by the code in lower kebab case (see "Problem details" above).
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
        /** @description An OpenAPI 3.1 document. */
        OpenApiDocument: {
            /** @description The OpenAPI version the document follows. */
            openapi: string;
            /** @description Title, version and description of the API. */
            info: Record<string, never>;
            /** @description The operations of the API by path. */
            paths: Record<string, never>;
        };
        /** @description An RFC 4180 CSV export with a header row: every row that matches the filters, not one page. */
        CsvExport: string;
        /** @description A related resource to read, and its URL. */
        GetLink: {
            /**
             * Format: uri
             * @description The absolute URL.
             */
            href: string;
            /**
             * @description The HTTP method to use on it, always `GET` for this link.
             * @enum {string}
             */
            method: "GET";
        };
        /** @description The resource to change, and its URL. */
        PatchLink: {
            /**
             * Format: uri
             * @description The absolute URL.
             */
            href: string;
            /**
             * @description The HTTP method to use on it, always `PATCH` for this link.
             * @enum {string}
             */
            method: "PATCH";
        };
        /** @description The resource to delete, and its URL. */
        DeleteLink: {
            /**
             * Format: uri
             * @description The absolute URL.
             */
            href: string;
            /**
             * @description The HTTP method to use on it, always `DELETE` for this link.
             * @enum {string}
             */
            method: "DELETE";
        };
        /** @description What a client can do next with this user. */
        UserLinks: {
            /** @description This user (`getUser`). */
            self: components["schemas"]["GetLink"];
            /** @description The user's posts (`listUserPosts`). */
            posts: components["schemas"]["GetLink"];
            /** @description Change this user (`updateUser`). */
            update: components["schemas"]["PatchLink"];
            /** @description Delete this user and its posts (`deleteUser`). */
            delete: components["schemas"]["DeleteLink"];
        };
        /** @description What a client can do next with this post. */
        PostLinks: {
            /** @description This post (`getPost`). */
            self: components["schemas"]["GetLink"];
            /** @description The author of the post (`getUser`). */
            author: components["schemas"]["GetLink"];
            /** @description Change this post (`updatePost`). */
            update: components["schemas"]["PatchLink"];
            /** @description Delete this post (`deletePost`). */
            delete: components["schemas"]["DeleteLink"];
        };
        /** @description Offset mode: the page number and the size of the whole list. */
        OffsetPageMeta: {
            /**
             * @description The API version that produced the envelope.
             * @constant
             */
            version: 2;
            /**
             * @description Says this page was asked for by number (`page`). (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            mode: "offset";
            /** @description The number of this page, counted from 1. */
            page: number;
            /** @description How many items a page holds. */
            per_page: number;
            /** @description How many items the whole list holds. */
            total: number;
            /** @description How many pages the whole list fills; 0 when it is empty. */
            pages: number;
        };
        /** @description Cursor mode: whether more items follow; no total, which would cost a count of the whole list. */
        CursorPageMeta: {
            /**
             * @description The API version that produced the envelope.
             * @constant
             */
            version: 2;
            /**
             * @description Says this page was asked for without `page`, by cursor. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            mode: "cursor";
            /** @description How many items a page holds. */
            per_page: number;
            /** @description Whether `links.next` leads to more items. */
            has_more: boolean;
            /** @description The `cursor` to send for the next page, as carried by `links.next`; null on the last page. */
            next_cursor: string | null;
        };
        /** @description A user that matches the search. */
        UserHit: {
            /**
             * @description Says this hit is a user. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            type: "user";
            /** @description How well the hit matches; higher is better. Comparable within one search only. */
            score: number;
            user: components["schemas"]["User"];
        };
        /** @description A post that matches the search. */
        PostHit: {
            /**
             * @description Says this hit is a post. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            type: "post";
            /** @description How well the hit matches; higher is better. Comparable within one search only. */
            score: number;
            post: components["schemas"]["Post"];
        };
        /** @description One search result: a user or a post, told apart by `type`. */
        SearchHit: components["schemas"]["UserHit"] | components["schemas"]["PostHit"];
        /** @description One page of search hits, best match first, with its paging. */
        SearchResults: {
            /** @description The hits on this page. */
            data: components["schemas"]["SearchHit"][];
            meta: components["schemas"]["PageMeta"];
            links: components["schemas"]["PageLinks"];
        };
    };
    responses: {
        /** @description The representation the client has is current (its `If-None-Match` matched, or nothing changed since `If-Modified-Since`): no body, and the `ETag` (and `Last-Modified`) the 200 answer would carry (RFC 9110 §15.4.5). */
        NotModified: {
            headers: {
                "X-Request-ID": components["headers"]["XRequestId"];
                "X-Response-Time": components["headers"]["XResponseTime"];
                "API-Version": components["headers"]["ApiVersion"];
                ETag: components["headers"]["AnyETag"];
                "Last-Modified": components["headers"]["OptionalLastModified"];
                "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content?: never;
        };
        /** @description `If-Match` names no current entity tag of the record (`PRECONDITION_FAILED`): it changed since the client read it. Nothing was changed; read it again, reapply the change and send the new `ETag`. */
        PreconditionFailed: {
            headers: {
                "X-Request-ID": components["headers"]["XRequestId"];
                "X-Response-Time": components["headers"]["XResponseTime"];
                "API-Version": components["headers"]["ApiVersion"];
                "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description One page of users in JSON, or every matching one as `text/csv`. */
        UserList: {
            headers: {
                "X-Request-ID": components["headers"]["XRequestId"];
                "X-Response-Time": components["headers"]["XResponseTime"];
                "API-Version": components["headers"]["ApiVersion"];
                ETag: components["headers"]["WeakETag"];
                Vary: components["headers"]["VaryAccept"];
                "Content-Disposition": components["headers"]["ContentDisposition"];
                "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["UserList"];
                "text/csv": components["schemas"]["CsvExport"];
            };
        };
        /** @description The user. */
        User: {
            headers: {
                "X-Request-ID": components["headers"]["XRequestId"];
                "X-Response-Time": components["headers"]["XResponseTime"];
                "API-Version": components["headers"]["ApiVersion"];
                ETag: components["headers"]["ETag"];
                "Last-Modified": components["headers"]["LastModified"];
                "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["User"];
            };
        };
        /** @description The user was created. */
        UserCreated: {
            headers: {
                "X-Request-ID": components["headers"]["XRequestId"];
                "X-Response-Time": components["headers"]["XResponseTime"];
                Location: components["headers"]["Location"];
                "API-Version": components["headers"]["ApiVersion"];
                ETag: components["headers"]["ETag"];
                "Last-Modified": components["headers"]["LastModified"];
                "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["User"];
            };
        };
        /** @description One page of posts in JSON, or every matching one as `text/csv`. */
        PostList: {
            headers: {
                "X-Request-ID": components["headers"]["XRequestId"];
                "X-Response-Time": components["headers"]["XResponseTime"];
                "API-Version": components["headers"]["ApiVersion"];
                ETag: components["headers"]["WeakETag"];
                Vary: components["headers"]["VaryAccept"];
                "Content-Disposition": components["headers"]["ContentDisposition"];
                "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["PostList"];
                "text/csv": components["schemas"]["CsvExport"];
            };
        };
        /** @description The post. */
        Post: {
            headers: {
                "X-Request-ID": components["headers"]["XRequestId"];
                "X-Response-Time": components["headers"]["XResponseTime"];
                "API-Version": components["headers"]["ApiVersion"];
                ETag: components["headers"]["ETag"];
                "Last-Modified": components["headers"]["LastModified"];
                "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Post"];
            };
        };
        /** @description The post was created. */
        PostCreated: {
            headers: {
                "X-Request-ID": components["headers"]["XRequestId"];
                "X-Response-Time": components["headers"]["XResponseTime"];
                Location: components["headers"]["PostLocation"];
                "API-Version": components["headers"]["ApiVersion"];
                ETag: components["headers"]["ETag"];
                "Last-Modified": components["headers"]["LastModified"];
                "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Post"];
            };
        };
        /** @description The credentials were right; here is a token. */
        TokenCreated: {
            headers: {
                "X-Request-ID": components["headers"]["XRequestId"];
                "X-Response-Time": components["headers"]["XResponseTime"];
                "API-Version": components["headers"]["ApiVersion"];
                "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Token"];
            };
        };
        /** @description Done; there is nothing to return. */
        NoContent: {
            headers: {
                "X-Request-ID": components["headers"]["XRequestId"];
                "X-Response-Time": components["headers"]["XResponseTime"];
                "API-Version": components["headers"]["ApiVersion"];
                "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content?: never;
        };
        /** @description This OpenAPI document. */
        OpenApiDocument: {
            headers: {
                "X-Request-ID": components["headers"]["XRequestId"];
                "X-Response-Time": components["headers"]["XResponseTime"];
                "API-Version": components["headers"]["ApiVersion"];
                "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["OpenApiDocument"];
            };
        };
        /** @description The request could not be read (`BAD_REQUEST`): malformed JSON (bytes that are not UTF-8, or a `\u` escape of a lone surrogate, which is not text), a query or path parameter out of its declared range, or a query parameter the operation does not declare; `page` with `cursor`; a cursor this list did not issue (`INVALID_CURSOR`); on the unversioned alias, an `Accept-Version` the API does not have (`UNSUPPORTED_VERSION`). */
        BadRequest: {
            headers: {
                "X-Request-ID": components["headers"]["XRequestId"];
                "X-Response-Time": components["headers"]["XResponseTime"];
                "API-Version": components["headers"]["ApiVersion"];
                "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description A token is needed and none was sent, or the one sent is unknown, expired or malformed (`UNAUTHORIZED`). */
        Unauthorized: {
            headers: {
                "X-Request-ID": components["headers"]["XRequestId"];
                "X-Response-Time": components["headers"]["XResponseTime"];
                "API-Version": components["headers"]["ApiVersion"];
                "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                RateLimit: components["headers"]["RateLimit"];
                "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description No user has that email and password (`INVALID_CREDENTIALS`); the answer does not tell which was wrong. */
        InvalidCredentials: {
            headers: {
                "X-Request-ID": components["headers"]["XRequestId"];
                "X-Response-Time": components["headers"]["XResponseTime"];
                "API-Version": components["headers"]["ApiVersion"];
                "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                RateLimit: components["headers"]["RateLimit"];
                "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description The token is valid, but its user may not do this (`FORBIDDEN`): change another user or its posts, send `role`, or write in another user's name, without being an admin. */
        Forbidden: {
            headers: {
                "X-Request-ID": components["headers"]["XRequestId"];
                "X-Response-Time": components["headers"]["XResponseTime"];
                "API-Version": components["headers"]["ApiVersion"];
                "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description No user has that id (`USER_NOT_FOUND`). */
        UserNotFound: {
            headers: {
                "X-Request-ID": components["headers"]["XRequestId"];
                "X-Response-Time": components["headers"]["XResponseTime"];
                "API-Version": components["headers"]["ApiVersion"];
                "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description No post has that id (`POST_NOT_FOUND`). */
        PostNotFound: {
            headers: {
                "X-Request-ID": components["headers"]["XRequestId"];
                "X-Response-Time": components["headers"]["XResponseTime"];
                "API-Version": components["headers"]["ApiVersion"];
                "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description Another user already has that email, in any letter case (`EMAIL_TAKEN`). */
        EmailTaken: {
            headers: {
                "X-Request-ID": components["headers"]["XRequestId"];
                "X-Response-Time": components["headers"]["XResponseTime"];
                "API-Version": components["headers"]["ApiVersion"];
                "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description The body is larger than the server accepts, 1 MB by default (`PAYLOAD_TOO_LARGE`). */
        PayloadTooLarge: {
            headers: {
                "X-Request-ID": components["headers"]["XRequestId"];
                "X-Response-Time": components["headers"]["XResponseTime"];
                "API-Version": components["headers"]["ApiVersion"];
                "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description The body is not `application/json` (`UNSUPPORTED_MEDIA_TYPE`). */
        UnsupportedMediaType: {
            headers: {
                "X-Request-ID": components["headers"]["XRequestId"];
                "X-Response-Time": components["headers"]["XResponseTime"];
                "API-Version": components["headers"]["ApiVersion"];
                "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description The body breaks the schema, names a field the client may not send, or refers to something that does not exist (`VALIDATION_ERROR`); `details` says which field and why. */
        ValidationError: {
            headers: {
                "X-Request-ID": components["headers"]["XRequestId"];
                "X-Response-Time": components["headers"]["XResponseTime"];
                "API-Version": components["headers"]["ApiVersion"];
                "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description The server failed (`INTERNAL_ERROR`); the detail is in the server's log under the request id, never in the body. */
        InternalError: {
            headers: {
                "X-Request-ID": components["headers"]["XRequestId"];
                "X-Response-Time": components["headers"]["XResponseTime"];
                "API-Version": components["headers"]["ApiVersion"];
                "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description One page of hits in JSON, or every hit as `text/csv`. */
        SearchResults: {
            headers: {
                "X-Request-ID": components["headers"]["XRequestId"];
                "X-Response-Time": components["headers"]["XResponseTime"];
                "API-Version": components["headers"]["ApiVersion"];
                ETag: components["headers"]["WeakETag"];
                Vary: components["headers"]["VaryAccept"];
                "Content-Disposition": components["headers"]["ContentDisposition"];
                "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["SearchResults"];
                "text/csv": components["schemas"]["CsvExport"];
            };
        };
        /** @description The operation cannot produce any representation the `Accept` header allows (`NOT_ACCEPTABLE`); the message lists those it can. */
        NotAcceptable: {
            headers: {
                "X-Request-ID": components["headers"]["XRequestId"];
                "X-Response-Time": components["headers"]["XResponseTime"];
                "API-Version": components["headers"]["ApiVersion"];
                Vary: components["headers"]["VaryAccept"];
                "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description A rate-limit window of this client is used up (`RATE_LIMIT_EXCEEDED`); `Retry-After` and `retry_after` say when to try again. */
        TooManyRequests: {
            headers: {
                "X-Request-ID": components["headers"]["XRequestId"];
                "X-Response-Time": components["headers"]["XResponseTime"];
                "API-Version": components["headers"]["ApiVersion"];
                "Retry-After": components["headers"]["RetryAfter"];
                "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description A service the server depends on cannot be reached (`SERVICE_UNAVAILABLE`): the database, or the rate-limit store when the server is set to fail closed. Nothing was changed; try again shortly. */
        ServiceUnavailable: {
            headers: {
                "X-Request-ID": components["headers"]["XRequestId"];
                "X-Response-Time": components["headers"]["XResponseTime"];
                "API-Version": components["headers"]["ApiVersion"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description Another user already has that email, in any letter case (`EMAIL_TAKEN`); or a request with the same `Idempotency-Key` is still being processed after a wait of about two seconds (`IDEMPOTENCY_KEY_IN_USE`): retry it later with the same key. */
        EmailTakenOrKeyInUse: {
            headers: {
                "X-Request-ID": components["headers"]["XRequestId"];
                "X-Response-Time": components["headers"]["XResponseTime"];
                "API-Version": components["headers"]["ApiVersion"];
                "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description A request with the same `Idempotency-Key` is still being processed after a wait of about two seconds (`IDEMPOTENCY_KEY_IN_USE`): retry it later with the same key. */
        IdempotencyKeyInUse: {
            headers: {
                "X-Request-ID": components["headers"]["XRequestId"];
                "X-Response-Time": components["headers"]["XResponseTime"];
                "API-Version": components["headers"]["ApiVersion"];
                "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description The body breaks the schema, names a field the client may not send, or refers to something that does not exist (`VALIDATION_ERROR`; `details` says which field and why); or the `Idempotency-Key` was used in the last 24 hours with another request (`IDEMPOTENCY_KEY_REUSED`): use a new key for a new request. */
        ValidationErrorOrKeyReused: {
            headers: {
                "X-Request-ID": components["headers"]["XRequestId"];
                "X-Response-Time": components["headers"]["XResponseTime"];
                "API-Version": components["headers"]["ApiVersion"];
                "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
    };
    parameters: {
        /**
         * @description Entity tags of representations the client already has (RFC 9110 §13.1.2), or `*`. When one matches the current representation (weak comparison), the answer is 304 with no body. Overrides `If-Modified-Since`.
         * @example "v2.r3"
         */
        IfNoneMatch: string;
        /**
         * @description An HTTP-date (RFC 9110 §13.1.3). When the record has not changed since then (to the second), the answer is 304 with no body. Ignored when `If-None-Match` is sent or the value is not a date.
         * @example Tue, 24 Nov 2026 09:30:00 GMT
         */
        IfModifiedSince: string;
        /**
         * @description Optimistic concurrency (RFC 9110 §13.1.1): the `ETag`s of the revision the client read, or `*` for any existing record. The write happens only when one of them is the current strong entity tag of the record in this version, checked in the same database statement as the write; otherwise 412 `PRECONDITION_FAILED` and nothing changes. A missing record is 404 whatever `If-Match` says; a value that is not a list of entity tags is 400.
         * @example "v2.r3"
         */
        IfMatch: string;
        /**
         * @description The id of the user.
         * @example 1
         */
        UserId: number;
        /**
         * @description The id of the post.
         * @example 1
         */
        PostId: number;
        /**
         * @description The page to return, counted from 1; it selects offset mode. Without it the list is in cursor mode.
         * @example 1
         */
        Page: number;
        /**
         * @description How many items a page holds.
         * @example 20
         */
        PerPage: number;
        /**
         * @description Where the next cursor-mode page starts: the opaque `cursor` of a previous `links.next`. Not with `page`.
         * @example eyJ2IjoxLCJzIjoidXNlcnMiLCJrIjpbIjIwMjYtMTEtMjRUMDk6MzA6MDAuMDAwWiIsNDNdfQ.2d7Zb6sH0sGcV1Xl3Nf1xw
         */
        Cursor: string;
        /**
         * @description Only users with this role.
         * @example admin
         */
        RoleFilter: components["schemas"]["Role"];
        /**
         * @description Only posts that carry this tag.
         * @example history
         */
        TagFilter: string;
        /**
         * @description The words to look for in user names and emails and in post titles, bodies and tags. Every word must match; the last may be the start of a word. Punctuation is ignored.
         * @example analytical engine
         */
        SearchQuery: string;
        /**
         * @description Look only for users or only for posts; both when absent.
         * @example posts
         */
        SearchType: "users" | "posts";
        /**
         * @description Makes a retry of this request safe: the same key with the same request (method, path and body) within 24 hours replays the first answer instead of acting again, with `Idempotent-Replayed: true`. Choose a new random key (a UUID) for each new request. Keys are kept per client (the signed-in user, else the address) for 24 hours; 1 to 255 visible ASCII characters.
         * @example 5b0f6c1e-7a8d-4c2b-9e3f-1a2b3c4d5e6f
         */
        IdempotencyKey: string;
    };
    requestBodies: {
        /** @description The user to create. */
        UserCreateBody: {
            content: {
                "application/json": components["schemas"]["UserCreate"];
            };
        };
        /** @description The user fields to change. */
        UserUpdateBody: {
            content: {
                "application/json": components["schemas"]["UserUpdate"];
            };
        };
        /** @description The post to create. */
        PostCreateBody: {
            content: {
                "application/json": components["schemas"]["PostCreate"];
            };
        };
        /** @description The post fields to change. */
        PostUpdateBody: {
            content: {
                "application/json": components["schemas"]["PostUpdate"];
            };
        };
        /** @description The email and password of the user. */
        TokenCreateBody: {
            content: {
                "application/json": components["schemas"]["TokenCreate"];
            };
        };
    };
    headers: {
        /**
         * @description The strong entity tag of this representation: the API version and the record's revision, and for a post its author's revision too (`"v2.r3.a1"`). It changes with every write of the record (and of a post's author) and differs between versions. Send it back in `If-None-Match` to revalidate, or in `If-Match` to change or delete only this revision.
         * @example "v2.r3"
         */
        ETag: string;
        /**
         * @description A weak entity tag of the JSON page (a digest of it), unchanged while nothing on the page changes; send it back in `If-None-Match` to get 304. Not sent with `text/csv`.
         * @example W/"1f3-Zk2sq0QkXbH4Nn0yq3sVxS1mzqE"
         */
        WeakETag: string;
        /**
         * @description The entity tag the client's `If-None-Match` matched, as the 200 answer would carry it (strong for a user or a post, weak for a page of a list).
         * @example "v2.r3"
         */
        AnyETag: string;
        /**
         * @description When the record last changed, as an HTTP-date (to the second): its `updated_at`, and for a post the later of its own and its author's.
         * @example Tue, 24 Nov 2026 09:30:00 GMT
         */
        LastModified: string;
        /**
         * @description When the record last changed, as an HTTP-date, on a 304 of a user or a post, not of a list.
         * @example Tue, 24 Nov 2026 09:30:00 GMT
         */
        OptionalLastModified: string;
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
        /**
         * @description The URL of the created resource.
         * @example http://localhost:4000/api/v2/users/43
         */
        Location: string;
        /**
         * @description The URL of the created post.
         * @example http://localhost:4000/api/v2/posts/7
         */
        PostLocation: string;
        /**
         * @description The API version that answered.
         * @example 2
         */
        ApiVersion: "2";
        /**
         * @description Names the request headers the representation depends on: `Accept`, and `Accept-Version` on the unversioned alias.
         * @example Accept
         */
        VaryAccept: string;
        /**
         * @description With `text/csv`: the export is an attachment with a file name.
         * @example attachment; filename=users.csv
         */
        ContentDisposition: string;
        /**
         * @description The quota policies that apply to this request (draft-ietf-httpapi-ratelimit-headers-08): each a name with its quota `q` and window `w` in seconds. Sent whenever limits are enforced.
         * @example "default-200-per-day";q=200;w=86400, "default-50-per-hour";q=50;w=3600
         */
        RateLimitPolicy: string;
        /**
         * @description What is left of each policy (draft-ietf-httpapi-ratelimit-headers-08): the requests remaining `r` and the seconds `t` until the window resets. Sent whenever limits are enforced.
         * @example "default-200-per-day";r=187;t=61200, "default-50-per-hour";r=38;t=1740
         */
        RateLimit: string;
        /**
         * @description Seconds to wait before the next request can succeed.
         * @example 1740
         */
        RetryAfter: number;
        /**
         * @description The challenge (RFC 9110 §11.6.1, RFC 6750): the scheme to authenticate with, `Bearer realm="api"`, and why a sent token was refused (`error="invalid_token"`). Sent with every 401.
         * @example Bearer realm="api", error="invalid_token"
         */
        WwwAuthenticate: string;
        /**
         * @description `true` when this answer is the replay of an earlier request with the same `Idempotency-Key`: nothing was done again. Absent on a first answer.
         * @example true
         */
        IdempotentReplayed: "true";
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listUsers: {
        parameters: {
            query?: {
                /**
                 * @description The page to return, counted from 1; it selects offset mode. Without it the list is in cursor mode.
                 * @example 1
                 */
                page?: components["parameters"]["Page"];
                /**
                 * @description How many items a page holds.
                 * @example 20
                 */
                per_page?: components["parameters"]["PerPage"];
                /**
                 * @description Where the next cursor-mode page starts: the opaque `cursor` of a previous `links.next`. Not with `page`.
                 * @example eyJ2IjoxLCJzIjoidXNlcnMiLCJrIjpbIjIwMjYtMTEtMjRUMDk6MzA6MDAuMDAwWiIsNDNdfQ.2d7Zb6sH0sGcV1Xl3Nf1xw
                 */
                cursor?: components["parameters"]["Cursor"];
                /**
                 * @description Only users with this role.
                 * @example admin
                 */
                role?: components["parameters"]["RoleFilter"];
            };
            header?: {
                /**
                 * @description Entity tags of representations the client already has (RFC 9110 §13.1.2), or `*`. When one matches the current representation (weak comparison), the answer is 304 with no body. Overrides `If-Modified-Since`.
                 * @example "v2.r3"
                 */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["UserList"];
            304: components["responses"]["NotModified"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            406: components["responses"]["NotAcceptable"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createUser: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry of this request safe: the same key with the same request (method, path and body) within 24 hours replays the first answer instead of acting again, with `Idempotent-Replayed: true`. Choose a new random key (a UUID) for each new request. Keys are kept per client (the signed-in user, else the address) for 24 hours; 1 to 255 visible ASCII characters.
                 * @example 5b0f6c1e-7a8d-4c2b-9e3f-1a2b3c4d5e6f
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["UserCreateBody"];
        responses: {
            201: components["responses"]["UserCreated"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            406: components["responses"]["NotAcceptable"];
            409: components["responses"]["EmailTakenOrKeyInUse"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationErrorOrKeyReused"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getUser: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Entity tags of representations the client already has (RFC 9110 §13.1.2), or `*`. When one matches the current representation (weak comparison), the answer is 304 with no body. Overrides `If-Modified-Since`.
                 * @example "v2.r3"
                 */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
                /**
                 * @description An HTTP-date (RFC 9110 §13.1.3). When the record has not changed since then (to the second), the answer is 304 with no body. Ignored when `If-None-Match` is sent or the value is not a date.
                 * @example Tue, 24 Nov 2026 09:30:00 GMT
                 */
                "If-Modified-Since"?: components["parameters"]["IfModifiedSince"];
            };
            path: {
                /**
                 * @description The id of the user.
                 * @example 1
                 */
                userId: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["User"];
            304: components["responses"]["NotModified"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["UserNotFound"];
            406: components["responses"]["NotAcceptable"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteUser: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Optimistic concurrency (RFC 9110 §13.1.1): the `ETag`s of the revision the client read, or `*` for any existing record. The write happens only when one of them is the current strong entity tag of the record in this version, checked in the same database statement as the write; otherwise 412 `PRECONDITION_FAILED` and nothing changes. A missing record is 404 whatever `If-Match` says; a value that is not a list of entity tags is 400.
                 * @example "v2.r3"
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path: {
                /**
                 * @description The id of the user.
                 * @example 1
                 */
                userId: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: components["responses"]["NoContent"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["UserNotFound"];
            406: components["responses"]["NotAcceptable"];
            412: components["responses"]["PreconditionFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateUser: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Optimistic concurrency (RFC 9110 §13.1.1): the `ETag`s of the revision the client read, or `*` for any existing record. The write happens only when one of them is the current strong entity tag of the record in this version, checked in the same database statement as the write; otherwise 412 `PRECONDITION_FAILED` and nothing changes. A missing record is 404 whatever `If-Match` says; a value that is not a list of entity tags is 400.
                 * @example "v2.r3"
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path: {
                /**
                 * @description The id of the user.
                 * @example 1
                 */
                userId: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        requestBody: components["requestBodies"]["UserUpdateBody"];
        responses: {
            200: components["responses"]["User"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["UserNotFound"];
            406: components["responses"]["NotAcceptable"];
            409: components["responses"]["EmailTaken"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listUserPosts: {
        parameters: {
            query?: {
                /**
                 * @description The page to return, counted from 1; it selects offset mode. Without it the list is in cursor mode.
                 * @example 1
                 */
                page?: components["parameters"]["Page"];
                /**
                 * @description How many items a page holds.
                 * @example 20
                 */
                per_page?: components["parameters"]["PerPage"];
                /**
                 * @description Where the next cursor-mode page starts: the opaque `cursor` of a previous `links.next`. Not with `page`.
                 * @example eyJ2IjoxLCJzIjoidXNlcnMiLCJrIjpbIjIwMjYtMTEtMjRUMDk6MzA6MDAuMDAwWiIsNDNdfQ.2d7Zb6sH0sGcV1Xl3Nf1xw
                 */
                cursor?: components["parameters"]["Cursor"];
                /**
                 * @description Only posts that carry this tag.
                 * @example history
                 */
                tag?: components["parameters"]["TagFilter"];
            };
            header?: {
                /**
                 * @description Entity tags of representations the client already has (RFC 9110 §13.1.2), or `*`. When one matches the current representation (weak comparison), the answer is 304 with no body. Overrides `If-Modified-Since`.
                 * @example "v2.r3"
                 */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
            };
            path: {
                /**
                 * @description The id of the user.
                 * @example 1
                 */
                userId: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["PostList"];
            304: components["responses"]["NotModified"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["UserNotFound"];
            406: components["responses"]["NotAcceptable"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listPosts: {
        parameters: {
            query?: {
                /**
                 * @description The page to return, counted from 1; it selects offset mode. Without it the list is in cursor mode.
                 * @example 1
                 */
                page?: components["parameters"]["Page"];
                /**
                 * @description How many items a page holds.
                 * @example 20
                 */
                per_page?: components["parameters"]["PerPage"];
                /**
                 * @description Where the next cursor-mode page starts: the opaque `cursor` of a previous `links.next`. Not with `page`.
                 * @example eyJ2IjoxLCJzIjoidXNlcnMiLCJrIjpbIjIwMjYtMTEtMjRUMDk6MzA6MDAuMDAwWiIsNDNdfQ.2d7Zb6sH0sGcV1Xl3Nf1xw
                 */
                cursor?: components["parameters"]["Cursor"];
                /**
                 * @description Only posts that carry this tag.
                 * @example history
                 */
                tag?: components["parameters"]["TagFilter"];
            };
            header?: {
                /**
                 * @description Entity tags of representations the client already has (RFC 9110 §13.1.2), or `*`. When one matches the current representation (weak comparison), the answer is 304 with no body. Overrides `If-Modified-Since`.
                 * @example "v2.r3"
                 */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["PostList"];
            304: components["responses"]["NotModified"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            406: components["responses"]["NotAcceptable"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createPost: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry of this request safe: the same key with the same request (method, path and body) within 24 hours replays the first answer instead of acting again, with `Idempotent-Replayed: true`. Choose a new random key (a UUID) for each new request. Keys are kept per client (the signed-in user, else the address) for 24 hours; 1 to 255 visible ASCII characters.
                 * @example 5b0f6c1e-7a8d-4c2b-9e3f-1a2b3c4d5e6f
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["PostCreateBody"];
        responses: {
            201: components["responses"]["PostCreated"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            406: components["responses"]["NotAcceptable"];
            409: components["responses"]["IdempotencyKeyInUse"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationErrorOrKeyReused"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getPost: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Entity tags of representations the client already has (RFC 9110 §13.1.2), or `*`. When one matches the current representation (weak comparison), the answer is 304 with no body. Overrides `If-Modified-Since`.
                 * @example "v2.r3"
                 */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
                /**
                 * @description An HTTP-date (RFC 9110 §13.1.3). When the record has not changed since then (to the second), the answer is 304 with no body. Ignored when `If-None-Match` is sent or the value is not a date.
                 * @example Tue, 24 Nov 2026 09:30:00 GMT
                 */
                "If-Modified-Since"?: components["parameters"]["IfModifiedSince"];
            };
            path: {
                /**
                 * @description The id of the post.
                 * @example 1
                 */
                postId: components["parameters"]["PostId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Post"];
            304: components["responses"]["NotModified"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["PostNotFound"];
            406: components["responses"]["NotAcceptable"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deletePost: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Optimistic concurrency (RFC 9110 §13.1.1): the `ETag`s of the revision the client read, or `*` for any existing record. The write happens only when one of them is the current strong entity tag of the record in this version, checked in the same database statement as the write; otherwise 412 `PRECONDITION_FAILED` and nothing changes. A missing record is 404 whatever `If-Match` says; a value that is not a list of entity tags is 400.
                 * @example "v2.r3"
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path: {
                /**
                 * @description The id of the post.
                 * @example 1
                 */
                postId: components["parameters"]["PostId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: components["responses"]["NoContent"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["PostNotFound"];
            406: components["responses"]["NotAcceptable"];
            412: components["responses"]["PreconditionFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updatePost: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Optimistic concurrency (RFC 9110 §13.1.1): the `ETag`s of the revision the client read, or `*` for any existing record. The write happens only when one of them is the current strong entity tag of the record in this version, checked in the same database statement as the write; otherwise 412 `PRECONDITION_FAILED` and nothing changes. A missing record is 404 whatever `If-Match` says; a value that is not a list of entity tags is 400.
                 * @example "v2.r3"
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path: {
                /**
                 * @description The id of the post.
                 * @example 1
                 */
                postId: components["parameters"]["PostId"];
            };
            cookie?: never;
        };
        requestBody: components["requestBodies"]["PostUpdateBody"];
        responses: {
            200: components["responses"]["Post"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["PostNotFound"];
            406: components["responses"]["NotAcceptable"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createToken: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry of this request safe: the same key with the same request (method, path and body) within 24 hours replays the first answer instead of acting again, with `Idempotent-Replayed: true`. Choose a new random key (a UUID) for each new request. Keys are kept per client (the signed-in user, else the address) for 24 hours; 1 to 255 visible ASCII characters.
                 * @example 5b0f6c1e-7a8d-4c2b-9e3f-1a2b3c4d5e6f
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["TokenCreateBody"];
        responses: {
            201: components["responses"]["TokenCreated"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["InvalidCredentials"];
            406: components["responses"]["NotAcceptable"];
            409: components["responses"]["IdempotencyKeyInUse"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationErrorOrKeyReused"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: components["responses"]["NoContent"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            406: components["responses"]["NotAcceptable"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    search: {
        parameters: {
            query: {
                /**
                 * @description The words to look for in user names and emails and in post titles, bodies and tags. Every word must match; the last may be the start of a word. Punctuation is ignored.
                 * @example analytical engine
                 */
                q: components["parameters"]["SearchQuery"];
                /**
                 * @description Look only for users or only for posts; both when absent.
                 * @example posts
                 */
                type?: components["parameters"]["SearchType"];
                /**
                 * @description The page to return, counted from 1; it selects offset mode. Without it the list is in cursor mode.
                 * @example 1
                 */
                page?: components["parameters"]["Page"];
                /**
                 * @description How many items a page holds.
                 * @example 20
                 */
                per_page?: components["parameters"]["PerPage"];
                /**
                 * @description Where the next cursor-mode page starts: the opaque `cursor` of a previous `links.next`. Not with `page`.
                 * @example eyJ2IjoxLCJzIjoidXNlcnMiLCJrIjpbIjIwMjYtMTEtMjRUMDk6MzA6MDAuMDAwWiIsNDNdfQ.2d7Zb6sH0sGcV1Xl3Nf1xw
                 */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: {
                /**
                 * @description Entity tags of representations the client already has (RFC 9110 §13.1.2), or `*`. When one matches the current representation (weak comparison), the answer is 304 with no body. Overrides `If-Modified-Since`.
                 * @example "v2.r3"
                 */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["SearchResults"];
            304: components["responses"]["NotModified"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            406: components["responses"]["NotAcceptable"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getOpenApiDocument: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["OpenApiDocument"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            406: components["responses"]["NotAcceptable"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
}
