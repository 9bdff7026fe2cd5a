/**
 * Generated from the API's OpenAPI document (/api/docs-json) by openapi-typescript: do not edit.
 * After changing a route or a schema: npm run build && npm run openapi:types
 */

export interface paths {
    "/api/v1/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Ready once the API serves, its read models have caught up with the log and the event store answers */
        get: operations["HealthController_health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Log in: a bearer token for the other routes */
        post: operations["AuthController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create a user (admin) */
        post: operations["UsersController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change the caller's password
         * @description Every token of the caller is revoked, this one included: log in again with the new password.
         */
        post: operations["UsersController_changeOwnPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{username}/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set a user's password (admin)
         * @description Every token of that user is revoked: they log in again with the new password.
         */
        post: operations["UsersController_setPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller: user name and role */
        get: operations["UsersController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/csos": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Map a CSO (activity A1)
         * @description Appends a `CsoMapped` event (DOMAIN.md).
         */
        post: operations["CsosController_map"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/csos/{csoId}/assessments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record an assessment of a CSO's organisational capacity
         * @description Appends a `CsoCapacityAssessed` event (DOMAIN.md).
         */
        post: operations["CsosController_assess"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/csos/{csoId}/agreement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a partnership agreement signed with a CSO
         * @description Appends a `PartnershipAgreementSigned` event (DOMAIN.md).
         */
        post: operations["CsosController_sign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/trainings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a training held
         * @description Appends a `TrainingHeld` event (DOMAIN.md).
         */
        post: operations["TrainingsController_hold"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a presumed victim identified and referred (a pseudonymous case)
         * @description Appends a `VictimIdentified` event (DOMAIN.md).
         */
        post: operations["CasesController_identify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{caseId}/assistance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record assistance provided to a case
         * @description Appends a `AssistanceProvided` event (DOMAIN.md).
         */
        post: operations["CasesController_assist"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{caseId}/closure": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record the closure of a case
         * @description Appends a `CaseClosed` event (DOMAIN.md).
         */
        post: operations["CasesController_close"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/indicators": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every indicator as of a business date, known at a log position */
        get: operations["IndicatorsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/indicators/{code}/series": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An indicator's series by quarter or year */
        get: operations["IndicatorsController_series"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/indicators/{code}/breakdown": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An indicator's breakdown by one dimension
         * @description A donor's breakdowns of victim-related indicators are suppressed (DOMAIN.md): as of the last quarter end, at the head.
         */
        get: operations["IndicatorsController_breakdown"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/indicators/{code}/targets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revise one year's target of an indicator
         * @description Appends a `IndicatorTargetSet` event (DOMAIN.md).
         */
        post: operations["IndicatorsController_setTarget"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/logframe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The project, its objectives, activities and indicators with the targets in effect */
        get: operations["LogframeController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A page of the event log, in position order (or newest first), filtered
         * @description Filters combine (all must hold). Keyset paging on position: pass `next` back as `after` (or, newest first, as `before`). Each successful answer is recorded in the read audit before it is sent.
         */
        get: operations["EventsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The whole log as NDJSON, one envelope a line, in position order */
        get: operations["EventsController_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Restore an export into an empty store (admin)
         * @description The hash chain and every event are verified first; nothing is written on any failure.
         */
        post: operations["EventsController_importLog"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events/{eventId}/void": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Void a recorded event (a correction is a void plus a new record)
         * @description Appends a `EventVoided` event (DOMAIN.md).
         */
        post: operations["EventsController_void"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Verify the log's hash chain
         * @description With `expectHead`, also whether an event with that hash is in the intact chain (as `jalon verify --expect-head`).
         */
        get: operations["VerifyController_verify"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/indicators/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The indicator table as CSV or XLSX (donor-safe)
         * @description One row per indicator in logframe order. `Jalon-Position` and `Jalon-Hash` name the log position the table stands on and the hash of that event.
         */
        get: operations["IndicatorExportController_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/iati": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The project as an IATI 2.03 activity file (donor-safe)
         * @description A result per objective, an indicator per indicator with its baseline, and a period per project year that starts on or before asOf, with the target in effect and the actual value; breakdown cells only for indicators that count no victims.
         */
        get: operations["IatiController_iati"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/donor": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The donor report for a year, a quarter or the whole project (PDF or HTML)
         * @description As of the period's last day (clipped to the project): per objective its indicators, a chart and the breakdowns, victim-related ones suppressed as for a donor whoever asks; the log position and hash on every page.
         */
        get: operations["ReportsController_donor"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sheets/{kind}/template": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An empty sheet of a kind, with its headers (XLSX: and a sheet explaining each column) */
        get: operations["SheetsController_template"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sheets/{kind}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a whole sheet (CSV or XLSX): every row or none
         * @description Rows are decided in order, each against the state the rows above it leave. With dryRun=true: 200 and the row report, nothing appended. Without: 201 when every row is valid, all appended atomically; else 400 whose errors name row, column, path and message.
         */
        post: operations["SheetsController_import"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/restatement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What changed in each indicator since a figure was reported, and which events changed it
         * @description "then" is the evaluation as of asOf known at since (or sinceTime), "now" the same known at position (atPosition, atTime, default the read models' position); since after position is a 400. A donor gets then and now without `changes`.
         */
        get: operations["RestatementController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/reads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The read audit: who read events or case-level data, when, with what query (auditor, admin)
         * @description Paged as GET /api/v1/events, by id. Reading it is not itself recorded.
         */
        get: operations["ReadsController_reads"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Live updates: the read models' position, as server-sent events
         * @description text/event-stream. On connect and each time the read models reach a new position: `event: head` with `data: {"position": N, "hash": "…"}` (the hash of event N, 64 zeros at 0). A comment line at least every 15 s. The stream ends when the token expires or is revoked. Send the token in the Authorization header.
         */
        get: operations["ChangesController_stream"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/activities/csos": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** CSOs mapped, assessed and in agreement by region; capacity scores per area */
        get: operations["ActivitiesController_csos"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/activities/trainings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Trainings held, with totals by sex and knowledge-test results
         * @description One row per training; for a donor one row per quarter, audience and region (detailed: false).
         */
        get: operations["ActivitiesController_trainings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/activities/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Cases, aggregated only: identified → assisted → returned → reintegration; closures by reason
         * @description Never a case-level row. A donor gets the funnel only (the same counts as indicators 1.1, 1.2, 3.1, 3.2).
         */
        get: operations["ActivitiesController_cases"];
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
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    HealthController_health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description ready, with the read models' position */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        status: "ok";
                        position: number;
                    };
                };
            };
            /** @description the read models are still catching up (Retry-After: 1), or the event store cannot be reached (Retry-After: 5) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    AuthController_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    username: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description the token, the role and when the token expires */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        token: string;
                        /** @enum {string} */
                        role: "admin" | "manager" | "auditor" | "donor";
                        expiresAt: string;
                    };
                };
            };
            /** @description invalid input; `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description unknown user name or wrong password (one answer for both) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description too many attempts from this address: wait (Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    UsersController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    username: string;
                    password: string;
                    /** @enum {string} */
                    role: "admin" | "manager" | "auditor" | "donor";
                };
            };
        };
        responses: {
            /** @description the user was created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        username: string;
                        /** @enum {string} */
                        role: "admin" | "manager" | "auditor" | "donor";
                    };
                };
            };
            /** @description invalid input; `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description no token, or a bad or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description allowed to: admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description the user name is taken */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    UsersController_changeOwnPassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    currentPassword: string;
                    newPassword: string;
                };
            };
        };
        responses: {
            /** @description changed; every token of the caller is revoked */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description invalid input, a wrong current password, or a new password equal to it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description no token, or a bad or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description allowed to: admin, manager, auditor, donor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description too many wrong passwords for this user name: wait (Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    UsersController_setPassword: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                username: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    newPassword: string;
                };
            };
        };
        responses: {
            /** @description set; every token of the user is revoked */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description invalid input; `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description no token, or a bad or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description allowed to: admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description no user with this name */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    UsersController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the caller */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        username: string;
                        /** @enum {string} */
                        role: "admin" | "manager" | "auditor" | "donor";
                    };
                };
            };
            /** @description no token, or a bad or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description allowed to: admin, manager, auditor, donor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    CsosController_map: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional, 1-200 printable characters, scoped to the user: the same key with the same method, path (as routed: case and a trailing slash do not matter) and body answers the first 201 again and appends nothing, also after an export and import; with anything else it is a 409 (after any 400 or 404 the request earns on its own). */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    csoId: string;
                    name: string;
                    /** @enum {string} */
                    region: "tanger-tetouan-al-hoceima" | "oriental" | "fes-meknes" | "rabat-sale-kenitra" | "beni-mellal-khenifra" | "casablanca-settat" | "marrakech-safi" | "draa-tafilalet" | "souss-massa" | "guelmim-oued-noun" | "laayoune-sakia-el-hamra" | "dakhla-oued-ed-dahab";
                    city?: string;
                    domains: ("protection" | "social_assistance" | "health" | "legal_aid" | "shelter" | "education" | "advocacy")[];
                    mappedOn: string;
                };
            };
        };
        responses: {
            /** @description the events appended and the position of the last */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        eventIds: string[];
                        position: number;
                    };
                };
            };
            /** @description invalid input; `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description no token, or a bad or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description allowed to: admin, manager */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description the command conflicts with recorded facts, or the Idempotency-Key was used for another request */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description the body is larger than 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description the event store is full (no disk space) or cannot be reached: nothing was written; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    CsosController_assess: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional, 1-200 printable characters, scoped to the user: the same key with the same method, path (as routed: case and a trailing slash do not matter) and body answers the first 201 again and appends nothing, also after an export and import; with anything else it is a 409 (after any 400 or 404 the request earns on its own). */
                "Idempotency-Key"?: string;
            };
            path: {
                csoId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    assessedOn: string;
                    scores: {
                        governance: number;
                        finance: number;
                        humanResources: number;
                        programme: number;
                        protection: number;
                    };
                };
            };
        };
        responses: {
            /** @description the events appended and the position of the last */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        eventIds: string[];
                        position: number;
                    };
                };
            };
            /** @description invalid input; `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description no token, or a bad or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description allowed to: admin, manager */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description no csoId in effect with this id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description the command conflicts with recorded facts, or the Idempotency-Key was used for another request */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description the body is larger than 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description the event store is full (no disk space) or cannot be reached: nothing was written; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    CsosController_sign: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional, 1-200 printable characters, scoped to the user: the same key with the same method, path (as routed: case and a trailing slash do not matter) and body answers the first 201 again and appends nothing, also after an export and import; with anything else it is a 409 (after any 400 or 404 the request earns on its own). */
                "Idempotency-Key"?: string;
            };
            path: {
                csoId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    signedOn: string;
                    agreementRef: string;
                };
            };
        };
        responses: {
            /** @description the events appended and the position of the last */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        eventIds: string[];
                        position: number;
                    };
                };
            };
            /** @description invalid input; `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description no token, or a bad or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description allowed to: admin, manager */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description no csoId in effect with this id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description the command conflicts with recorded facts, or the Idempotency-Key was used for another request */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description the body is larger than 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description the event store is full (no disk space) or cannot be reached: nothing was written; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    TrainingsController_hold: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional, 1-200 printable characters, scoped to the user: the same key with the same method, path (as routed: case and a trailing slash do not matter) and body answers the first 201 again and appends nothing, also after an export and import; with anything else it is a 409 (after any 400 or 404 the request earns on its own). */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    trainingId: string;
                    heldOn: string;
                    /** @enum {string} */
                    audience: "government" | "cso" | "iom_staff";
                    topic: string;
                    /** @enum {string} */
                    region: "tanger-tetouan-al-hoceima" | "oriental" | "fes-meknes" | "rabat-sale-kenitra" | "beni-mellal-khenifra" | "casablanca-settat" | "marrakech-safi" | "draa-tafilalet" | "souss-massa" | "guelmim-oued-noun" | "laayoune-sakia-el-hamra" | "dakhla-oued-ed-dahab";
                    participants: {
                        female: number;
                        male: number;
                    };
                    knowledgeTest?: {
                        tested: number;
                        improved: number;
                    };
                };
            };
        };
        responses: {
            /** @description the events appended and the position of the last */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        eventIds: string[];
                        position: number;
                    };
                };
            };
            /** @description invalid input; `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description no token, or a bad or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description allowed to: admin, manager */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description the command conflicts with recorded facts, or the Idempotency-Key was used for another request */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description the body is larger than 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description the event store is full (no disk space) or cannot be reached: nothing was written; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    CasesController_identify: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional, 1-200 printable characters, scoped to the user: the same key with the same method, path (as routed: case and a trailing slash do not matter) and body answers the first 201 again and appends nothing, also after an export and import; with anything else it is a 409 (after any 400 or 404 the request earns on its own). */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    caseId: string;
                    identifiedOn: string;
                    /** @enum {string} */
                    sex: "female" | "male";
                    /** @enum {string} */
                    ageGroup: "minor" | "adult";
                    nationality: string;
                    /** @enum {string} */
                    exploitationType: "sexual" | "labour" | "domestic_servitude" | "begging" | "forced_criminality" | "other";
                    /** @enum {string} */
                    referredBy: "cso" | "government" | "iom" | "self" | "other";
                };
            };
        };
        responses: {
            /** @description the events appended and the position of the last */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        eventIds: string[];
                        position: number;
                    };
                };
            };
            /** @description invalid input; `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description no token, or a bad or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description allowed to: admin, manager */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description the command conflicts with recorded facts, or the Idempotency-Key was used for another request */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description the body is larger than 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description the event store is full (no disk space) or cannot be reached: nothing was written; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    CasesController_assist: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional, 1-200 printable characters, scoped to the user: the same key with the same method, path (as routed: case and a trailing slash do not matter) and body answers the first 201 again and appends nothing, also after an export and import; with anything else it is a 409 (after any 400 or 404 the request earns on its own). */
                "Idempotency-Key"?: string;
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    providedOn: string;
                    /** @enum {string} */
                    assistanceType: "shelter" | "medical" | "psychosocial" | "legal" | "material" | "family_tracing" | "avrr_return" | "reintegration";
                };
            };
        };
        responses: {
            /** @description the events appended and the position of the last */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        eventIds: string[];
                        position: number;
                    };
                };
            };
            /** @description invalid input; `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description no token, or a bad or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description allowed to: admin, manager */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description no caseId in effect with this id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description the command conflicts with recorded facts, or the Idempotency-Key was used for another request */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description the body is larger than 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description the event store is full (no disk space) or cannot be reached: nothing was written; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    CasesController_close: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional, 1-200 printable characters, scoped to the user: the same key with the same method, path (as routed: case and a trailing slash do not matter) and body answers the first 201 again and appends nothing, also after an export and import; with anything else it is a 409 (after any 400 or 404 the request earns on its own). */
                "Idempotency-Key"?: string;
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    closedOn: string;
                    /** @enum {string} */
                    reason: "reintegrated" | "returned" | "lost_contact" | "declined" | "other";
                };
            };
        };
        responses: {
            /** @description the events appended and the position of the last */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        eventIds: string[];
                        position: number;
                    };
                };
            };
            /** @description invalid input; `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description no token, or a bad or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description allowed to: admin, manager */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description no caseId in effect with this id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description the command conflicts with recorded facts, or the Idempotency-Key was used for another request */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description the body is larger than 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description the event store is full (no disk space) or cannot be reached: nothing was written; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    IndicatorsController_list: {
        parameters: {
            query?: {
                /** @description business date YYYY-MM-DD (default: the project end) */
                asOf?: string;
                /** @description the log up to this position, 0 ≤ N ≤ head (default: the read models' position) */
                atPosition?: string;
                /** @description instead of atPosition: the log up to the highest position recorded at or before this time (0 when none) */
                atTime?: string;
                /** @description wait up to 5 s until the read models reach this position (N ≤ head) */
                minPosition?: string;
            };
            header?: {
                /** @description the ETag of an earlier answer: 304 without a body while it is still the answer */
                "If-None-Match"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the indicators, with the asOf and position used */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date */
                        asOf: string;
                        position: number;
                        indicators: {
                            code: string;
                            objective: string;
                            /** @enum {string} */
                            unit: "count" | "percent";
                            value: number | null;
                            numerator?: number;
                            denominator?: number;
                            baseline: number;
                            target: number | null;
                            expected: number | null;
                            /** @enum {string} */
                            status: "green" | "amber" | "red" | "no-data" | "no-target";
                        }[];
                    };
                };
            };
            /** @description not modified: the view is still the one of the ETag given */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description invalid input; `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description no token, or a bad or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description allowed to: admin, manager, auditor, donor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description the read models did not reach the position asked within 5 s (Retry-After: 1) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    IndicatorsController_series: {
        parameters: {
            query?: {
                /** @description business date YYYY-MM-DD (default: the project end) */
                asOf?: string;
                /** @description the log up to this position, 0 ≤ N ≤ head (default: the read models' position) */
                atPosition?: string;
                /** @description instead of atPosition: the log up to the highest position recorded at or before this time (0 when none) */
                atTime?: string;
                /** @description wait up to 5 s until the read models reach this position (N ≤ head) */
                minPosition?: string;
                /** @description calendar quarters or years (default quarter) */
                period?: "quarter" | "year";
            };
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description one point per period */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        /** Format: date */
                        asOf: string;
                        position: number;
                        points: {
                            period: string;
                            /** Format: date */
                            start: string;
                            /** Format: date */
                            end: string;
                            value: number | null;
                            cumulative: number | null;
                            expected: number | null;
                        }[];
                    };
                };
            };
            /** @description invalid input; `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description no token, or a bad or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description allowed to: admin, manager, auditor, donor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description no indicator with this code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description the read models did not reach the position asked within 5 s (Retry-After: 1) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    IndicatorsController_breakdown: {
        parameters: {
            query: {
                /** @description business date YYYY-MM-DD (default: the project end) */
                asOf?: string;
                /** @description the log up to this position, 0 ≤ N ≤ head (default: the read models' position) */
                atPosition?: string;
                /** @description instead of atPosition: the log up to the highest position recorded at or before this time (0 when none) */
                atTime?: string;
                /** @description wait up to 5 s until the read models reach this position (N ≤ head) */
                minPosition?: string;
                /** @description one of the indicator's breakdown dimensions */
                by: "sex" | "ageGroup" | "nationality" | "exploitationType" | "referredBy" | "region";
            };
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the non-zero cells, largest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        /** @enum {string} */
                        by: "sex" | "ageGroup" | "nationality" | "exploitationType" | "referredBy" | "region";
                        /** Format: date */
                        asOf: string;
                        position: number;
                        withheld: boolean;
                        /** @description the small-cell threshold T in force, on a suppressed (donor) breakdown only */
                        threshold?: number;
                        cells: {
                            key: string;
                            value: number | null;
                            suppressed: boolean;
                        }[];
                    };
                };
            };
            /** @description invalid input; `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description no token, or a bad or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description allowed to: admin, manager, auditor, donor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description no indicator with this code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description the read models did not reach the position asked within 5 s (Retry-After: 1) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    IndicatorsController_setTarget: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional, 1-200 printable characters, scoped to the user: the same key with the same method, path (as routed: case and a trailing slash do not matter) and body answers the first 201 again and appends nothing, also after an export and import; with anything else it is a 409 (after any 400 or 404 the request earns on its own). */
                "Idempotency-Key"?: string;
            };
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    period: "2014" | "2015" | "2016";
                    value: number;
                    reason: string;
                };
            };
        };
        responses: {
            /** @description the events appended and the position of the last */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        eventIds: string[];
                        position: number;
                    };
                };
            };
            /** @description invalid input; `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description no token, or a bad or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description allowed to: admin, manager */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description no code in effect with this id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description the command conflicts with recorded facts, or the Idempotency-Key was used for another request */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description the body is larger than 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description the event store is full (no disk space) or cannot be reached: nothing was written; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    LogframeController_get: {
        parameters: {
            query?: {
                /** @description business date YYYY-MM-DD (default: the project end) */
                asOf?: string;
                /** @description the log up to this position, 0 ≤ N ≤ head (default: the read models' position) */
                atPosition?: string;
                /** @description instead of atPosition: the log up to the highest position recorded at or before this time (0 when none) */
                atTime?: string;
                /** @description wait up to 5 s until the read models reach this position (N ≤ head) */
                minPosition?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the logframe */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date */
                        asOf: string;
                        position: number;
                        project: {
                            id: string;
                            title: {
                                fr: string;
                                en: string;
                                /** @description German, where the logframe has it (titles) */
                                de?: string;
                                /** @description Arabic, where the logframe has it (titles) */
                                ar?: string;
                            };
                            implementer: {
                                fr: string;
                                en: string;
                                /** @description German, where the logframe has it (titles) */
                                de?: string;
                                /** @description Arabic, where the logframe has it (titles) */
                                ar?: string;
                            };
                            donor: {
                                fr: string;
                                en: string;
                                /** @description German, where the logframe has it (titles) */
                                de?: string;
                                /** @description Arabic, where the logframe has it (titles) */
                                ar?: string;
                            };
                            country: string;
                            /** Format: date */
                            start: string;
                            /** Format: date */
                            end: string;
                            illustrativeTargets: boolean;
                            notice: {
                                fr: string;
                                en: string;
                                /** @description German, where the logframe has it (titles) */
                                de?: string;
                                /** @description Arabic, where the logframe has it (titles) */
                                ar?: string;
                            };
                            context: {
                                fr: string;
                                en: string;
                                /** @description German, where the logframe has it (titles) */
                                de?: string;
                                /** @description Arabic, where the logframe has it (titles) */
                                ar?: string;
                            }[];
                            demo?: {
                                fr: string;
                                en: string;
                                /** @description German, where the logframe has it (titles) */
                                de?: string;
                                /** @description Arabic, where the logframe has it (titles) */
                                ar?: string;
                            };
                        };
                        objectives: {
                            /** @enum {string} */
                            code: "OS1" | "OS2" | "OS3";
                            title: {
                                fr: string;
                                en: string;
                                /** @description German, where the logframe has it (titles) */
                                de?: string;
                                /** @description Arabic, where the logframe has it (titles) */
                                ar?: string;
                            };
                            indicators: string[];
                        }[];
                        activities: {
                            /** @enum {string} */
                            code: "A1" | "A2" | "A3" | "A4";
                            title: {
                                fr: string;
                                en: string;
                                /** @description German, where the logframe has it (titles) */
                                de?: string;
                                /** @description Arabic, where the logframe has it (titles) */
                                ar?: string;
                            };
                        }[];
                        indicators: {
                            code: string;
                            /** @enum {string} */
                            objective: "OS1" | "OS2" | "OS3";
                            activities: ("A1" | "A2" | "A3" | "A4")[];
                            /** @enum {string} */
                            unit: "count" | "percent";
                            sensitive: boolean;
                            title: {
                                fr: string;
                                en: string;
                                /** @description German, where the logframe has it (titles) */
                                de?: string;
                                /** @description Arabic, where the logframe has it (titles) */
                                ar?: string;
                            };
                            computedAs: {
                                fr: string;
                                en: string;
                                /** @description German, where the logframe has it (titles) */
                                de?: string;
                                /** @description Arabic, where the logframe has it (titles) */
                                ar?: string;
                            };
                            baseline: number;
                            targets: {
                                2014?: number;
                                2015?: number;
                                2016?: number;
                            };
                            breakdowns: ("sex" | "ageGroup" | "nationality" | "exploitationType" | "referredBy" | "region")[];
                        }[];
                    };
                };
            };
            /** @description invalid input; `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description no token, or a bad or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description allowed to: admin, manager, auditor, donor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description the read models did not reach the position asked within 5 s (Retry-After: 1) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    EventsController_list: {
        parameters: {
            query?: {
                /** @description events after this position (default 0) */
                after?: string;
                /** @description events before this position (default: up to the head) */
                before?: string;
                /** @description at most this many events, 1-1000 (default 100) */
                limit?: string;
                /** @description asc (default): oldest first, `next` is the `after` of the following page; desc: newest first, `next` is its `before` */
                order?: "asc" | "desc";
                /** @description only events of this type, or of any of several separated by commas (TrainingHeld,CsoMapped) */
                type?: string;
                /** @description only events of this stream, such as cso-CSO-001 */
                stream?: string;
                /** @description only events recorded by this user (metadata.recordedBy, exactly) */
                recordedBy?: string;
                /** @description only events recorded at or after this time (metadata.recordedAt format) */
                recordedFrom?: string;
                /** @description only events recorded at or before this time (metadata.recordedAt format) */
                recordedTo?: string;
                /** @description only events whose business date (mappedOn, heldOn, identifiedOn…) is on or after this date; target revisions and voids have none and are left out */
                from?: string;
                /** @description only events whose business date is on or before this date; target revisions and voids are left out */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description `next` is the `after` (newest first: the `before`) of the following page, null at the end */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        events: {
                            position: number;
                            /** Format: uuid */
                            eventId: string;
                            /** @enum {string} */
                            type: "CsoMapped" | "CsoCapacityAssessed" | "PartnershipAgreementSigned" | "TrainingHeld" | "VictimIdentified" | "AssistanceProvided" | "CaseClosed" | "IndicatorTargetSet" | "EventVoided";
                            streamId: string;
                            revision: number;
                            data: {
                                csoId: string;
                                name: string;
                                /** @enum {string} */
                                region: "tanger-tetouan-al-hoceima" | "oriental" | "fes-meknes" | "rabat-sale-kenitra" | "beni-mellal-khenifra" | "casablanca-settat" | "marrakech-safi" | "draa-tafilalet" | "souss-massa" | "guelmim-oued-noun" | "laayoune-sakia-el-hamra" | "dakhla-oued-ed-dahab";
                                city?: string;
                                domains: ("protection" | "social_assistance" | "health" | "legal_aid" | "shelter" | "education" | "advocacy")[];
                                mappedOn: string;
                            } | {
                                csoId: string;
                                assessedOn: string;
                                scores: {
                                    governance: number;
                                    finance: number;
                                    humanResources: number;
                                    programme: number;
                                    protection: number;
                                };
                            } | {
                                csoId: string;
                                signedOn: string;
                                agreementRef: string;
                            } | {
                                trainingId: string;
                                heldOn: string;
                                /** @enum {string} */
                                audience: "government" | "cso" | "iom_staff";
                                topic: string;
                                /** @enum {string} */
                                region: "tanger-tetouan-al-hoceima" | "oriental" | "fes-meknes" | "rabat-sale-kenitra" | "beni-mellal-khenifra" | "casablanca-settat" | "marrakech-safi" | "draa-tafilalet" | "souss-massa" | "guelmim-oued-noun" | "laayoune-sakia-el-hamra" | "dakhla-oued-ed-dahab";
                                participants: {
                                    female: number;
                                    male: number;
                                };
                                knowledgeTest?: {
                                    tested: number;
                                    improved: number;
                                };
                            } | {
                                caseId: string;
                                identifiedOn: string;
                                /** @enum {string} */
                                sex: "female" | "male";
                                /** @enum {string} */
                                ageGroup: "minor" | "adult";
                                nationality: string;
                                /** @enum {string} */
                                exploitationType: "sexual" | "labour" | "domestic_servitude" | "begging" | "forced_criminality" | "other";
                                /** @enum {string} */
                                referredBy: "cso" | "government" | "iom" | "self" | "other";
                            } | {
                                caseId: string;
                                providedOn: string;
                                /** @enum {string} */
                                assistanceType: "shelter" | "medical" | "psychosocial" | "legal" | "material" | "family_tracing" | "avrr_return" | "reintegration";
                            } | {
                                caseId: string;
                                closedOn: string;
                                /** @enum {string} */
                                reason: "reintegrated" | "returned" | "lost_contact" | "declined" | "other";
                            } | {
                                code: string;
                                /** @enum {string} */
                                period: "2014" | "2015" | "2016";
                                value: number;
                                reason: string;
                            } | {
                                eventId: string;
                                reason: string;
                            };
                            metadata: {
                                recordedAt: string;
                                recordedBy: string;
                                commandId?: string;
                                schemaVersion: number;
                            };
                            hash: string;
                        }[];
                        next: number | null;
                    };
                };
            };
            /** @description invalid input; `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description no token, or a bad or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description allowed to: admin, manager, auditor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description the read audit could not record this read: no data sent (Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    EventsController_export: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description one envelope per line */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/x-ndjson": {
                        position: number;
                        /** Format: uuid */
                        eventId: string;
                        /** @enum {string} */
                        type: "CsoMapped" | "CsoCapacityAssessed" | "PartnershipAgreementSigned" | "TrainingHeld" | "VictimIdentified" | "AssistanceProvided" | "CaseClosed" | "IndicatorTargetSet" | "EventVoided";
                        streamId: string;
                        revision: number;
                        data: {
                            csoId: string;
                            name: string;
                            /** @enum {string} */
                            region: "tanger-tetouan-al-hoceima" | "oriental" | "fes-meknes" | "rabat-sale-kenitra" | "beni-mellal-khenifra" | "casablanca-settat" | "marrakech-safi" | "draa-tafilalet" | "souss-massa" | "guelmim-oued-noun" | "laayoune-sakia-el-hamra" | "dakhla-oued-ed-dahab";
                            city?: string;
                            domains: ("protection" | "social_assistance" | "health" | "legal_aid" | "shelter" | "education" | "advocacy")[];
                            mappedOn: string;
                        } | {
                            csoId: string;
                            assessedOn: string;
                            scores: {
                                governance: number;
                                finance: number;
                                humanResources: number;
                                programme: number;
                                protection: number;
                            };
                        } | {
                            csoId: string;
                            signedOn: string;
                            agreementRef: string;
                        } | {
                            trainingId: string;
                            heldOn: string;
                            /** @enum {string} */
                            audience: "government" | "cso" | "iom_staff";
                            topic: string;
                            /** @enum {string} */
                            region: "tanger-tetouan-al-hoceima" | "oriental" | "fes-meknes" | "rabat-sale-kenitra" | "beni-mellal-khenifra" | "casablanca-settat" | "marrakech-safi" | "draa-tafilalet" | "souss-massa" | "guelmim-oued-noun" | "laayoune-sakia-el-hamra" | "dakhla-oued-ed-dahab";
                            participants: {
                                female: number;
                                male: number;
                            };
                            knowledgeTest?: {
                                tested: number;
                                improved: number;
                            };
                        } | {
                            caseId: string;
                            identifiedOn: string;
                            /** @enum {string} */
                            sex: "female" | "male";
                            /** @enum {string} */
                            ageGroup: "minor" | "adult";
                            nationality: string;
                            /** @enum {string} */
                            exploitationType: "sexual" | "labour" | "domestic_servitude" | "begging" | "forced_criminality" | "other";
                            /** @enum {string} */
                            referredBy: "cso" | "government" | "iom" | "self" | "other";
                        } | {
                            caseId: string;
                            providedOn: string;
                            /** @enum {string} */
                            assistanceType: "shelter" | "medical" | "psychosocial" | "legal" | "material" | "family_tracing" | "avrr_return" | "reintegration";
                        } | {
                            caseId: string;
                            closedOn: string;
                            /** @enum {string} */
                            reason: "reintegrated" | "returned" | "lost_contact" | "declined" | "other";
                        } | {
                            code: string;
                            /** @enum {string} */
                            period: "2014" | "2015" | "2016";
                            value: number;
                            reason: string;
                        } | {
                            eventId: string;
                            reason: string;
                        };
                        metadata: {
                            recordedAt: string;
                            recordedBy: string;
                            commandId?: string;
                            schemaVersion: number;
                        };
                        hash: string;
                    };
                };
            };
            /** @description no token, or a bad or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description allowed to: admin, manager, auditor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description the read audit could not record this read: no data sent (Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    EventsController_importLog: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-ndjson": string;
            };
        };
        responses: {
            /** @description the number of events restored and the head */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        events: number;
                        head: {
                            position: number;
                            hash: string;
                        };
                    };
                };
            };
            /** @description a broken chain or a bad event: `detail` and `position` name the first bad position */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description no token, or a bad or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description allowed to: admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description the store already holds events */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description the export is larger than 256 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    EventsController_void: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional, 1-200 printable characters, scoped to the user: the same key with the same method, path (as routed: case and a trailing slash do not matter) and body answers the first 201 again and appends nothing, also after an export and import; with anything else it is a 409 (after any 400 or 404 the request earns on its own). */
                "Idempotency-Key"?: string;
            };
            path: {
                eventId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description the events appended and the position of the last */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        eventIds: string[];
                        position: number;
                    };
                };
            };
            /** @description invalid input; `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description no token, or a bad or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description allowed to: admin, manager */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description no eventId in effect with this id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description the command conflicts with recorded facts, or the Idempotency-Key was used for another request */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description the body is larger than 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description the event store is full (no disk space) or cannot be reached: nothing was written; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    VerifyController_verify: {
        parameters: {
            query?: {
                /** @description a hash from an old report or export: the answer says whether an event with it is in the intact chain */
                expectHead?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description `firstBadPosition` is null when the chain is intact */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        ok: boolean;
                        events: number;
                        head: {
                            position: number;
                            hash: string;
                        };
                        firstBadPosition: number | null;
                        /** @description when `expectHead` was asked: whether an event with that hash is in the intact chain, and where */
                        expectHead?: {
                            hash: string;
                            found: boolean;
                            position: number | null;
                        };
                    };
                };
            };
            /** @description invalid input; `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description no token, or a bad or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description allowed to: admin, manager, auditor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    IndicatorExportController_export: {
        parameters: {
            query: {
                /** @description business date YYYY-MM-DD (default: the project end) */
                asOf?: string;
                /** @description the log up to this position, 0 ≤ N ≤ head (default: the read models' position) */
                atPosition?: string;
                /** @description instead of atPosition: the log up to the highest position recorded at or before this time (0 when none) */
                atTime?: string;
                /** @description wait up to 5 s until the read models reach this position (N ≤ head) */
                minPosition?: string;
                /** @description csv (RFC 4180, UTF-8 with a BOM) or xlsx */
                format: "csv" | "xlsx";
                /** @description language of the texts and headers (default fr) */
                lang?: "fr" | "en" | "de" | "ar";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description an attachment: the table (XLSX: and a sheet with the project, asOf, position and hash) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description invalid input; `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description no token, or a bad or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description allowed to: admin, manager, auditor, donor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description the read models did not reach the position asked within 5 s (Retry-After: 1) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    IatiController_iati: {
        parameters: {
            query?: {
                /** @description business date YYYY-MM-DD (default: the project end) */
                asOf?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description an iati-activities document, valid against the IATI 2.03 schema */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description invalid input; `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description no token, or a bad or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description allowed to: admin, manager, auditor, donor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description the read models did not reach the position asked within 5 s (Retry-After: 1) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    ReportsController_donor: {
        parameters: {
            query: {
                /** @description the log up to this position, 0 ≤ N ≤ head (default: the read models' position) */
                atPosition?: string;
                /** @description instead of atPosition: the log up to the highest position recorded at or before this time (0 when none) */
                atTime?: string;
                /** @description wait up to 5 s until the read models reach this position (N ≤ head) */
                minPosition?: string;
                /** @description a project year (2015), a quarter (2015-Q3) or the whole project (project) */
                period: "2014" | "2015" | "2016" | "project" | "2014-Q3" | "2014-Q4" | "2015-Q1" | "2015-Q2" | "2015-Q3" | "2015-Q4" | "2016-Q1" | "2016-Q2" | "2016-Q3" | "2016-Q4";
                /** @description fr (default), en or de */
                lang?: "fr" | "en" | "de";
                /** @description pdf (default) or html */
                format?: "pdf" | "html";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the report */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description invalid input; `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description no token, or a bad or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description allowed to: admin, manager, auditor, donor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description the read models did not reach the position asked within 5 s (Retry-After: 1) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    SheetsController_template: {
        parameters: {
            query?: {
                /** @description xlsx (default, with a sheet explaining each column) or csv */
                format?: "csv" | "xlsx";
                /** @description language of the headers (default fr) */
                lang?: "fr" | "en";
            };
            header?: never;
            path: {
                kind: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description an attachment */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description invalid input; `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description no token, or a bad or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description allowed to: admin, manager */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    SheetsController_import: {
        parameters: {
            query?: {
                /** @description true: report every row and append nothing */
                dryRun?: "true" | "false";
            };
            header?: {
                /** @description as for commands; the body’s SHA-256 stands for its canonical JSON */
                "Idempotency-Key"?: string;
            };
            path: {
                kind: string;
            };
            cookie?: never;
        };
        /** @description the sheet, up to 10 MiB: the header is row 1 */
        requestBody: {
            content: {
                "text/csv": string;
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
            };
        };
        responses: {
            /** @description dry run: {kind, rows, valid, errors: [{row, column, message}]} */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description {kind, rows, eventIds, position} */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not a CSV or XLSX file, or rows with errors: `errors` name row, column, path and message */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description no token, or a bad or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description allowed to: admin, manager */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description over 10 MiB, over 100,000 rows, or an XLSX inflating past 50 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    RestatementController_get: {
        parameters: {
            query?: {
                /** @description P, the position the figures were reported at (or sinceTime) */
                since?: string;
                /** @description instead of since: P is the highest position recorded at or before this time (0 when none) */
                sinceTime?: string;
                /** @description business date YYYY-MM-DD (default: the project end) */
                asOf?: string;
                /** @description the log up to this position, 0 ≤ N ≤ head (default: the read models' position) */
                atPosition?: string;
                /** @description instead of atPosition: the log up to the highest position recorded at or before this time (0 when none) */
                atTime?: string;
                /** @description wait up to 5 s until the read models reach this position (N ≤ head) */
                minPosition?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description all 13 indicators in logframe order */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date */
                        asOf: string;
                        /** @description P: the position the figures were reported at */
                        since: number;
                        /** @description Q: the position compared */
                        position: number;
                        indicators: {
                            code: string;
                            /** @description as of asOf, known at since */
                            then: {
                                value: number | null;
                                target: number | null;
                                expected: number | null;
                                /** @enum {string} */
                                status: "green" | "amber" | "red" | "no-data" | "no-target";
                            };
                            /** @description as of asOf, known at position */
                            now: {
                                value: number | null;
                                target: number | null;
                                expected: number | null;
                                /** @enum {string} */
                                status: "green" | "amber" | "red" | "no-data" | "no-target";
                            };
                            /** @description then and now differ in value, target or expected */
                            restated: boolean;
                            /** @description per event in (since, position] and indicator, the members that differ from the event before; absent for a donor */
                            changes?: {
                                position: number;
                                /** Format: uuid */
                                eventId: string;
                                /** @enum {string} */
                                type: "CsoMapped" | "CsoCapacityAssessed" | "PartnershipAgreementSigned" | "TrainingHeld" | "VictimIdentified" | "AssistanceProvided" | "CaseClosed" | "IndicatorTargetSet" | "EventVoided";
                                streamId: string;
                                recordedAt: string;
                                recordedBy: string;
                                /** @description the event's own reason: voids and target revisions */
                                reason?: string;
                                value?: {
                                    before: number | null;
                                    after: number | null;
                                };
                                target?: {
                                    before: number | null;
                                    after: number | null;
                                };
                                expected?: {
                                    before: number | null;
                                    after: number | null;
                                };
                            }[];
                        }[];
                    };
                };
            };
            /** @description invalid input; `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description no token, or a bad or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description allowed to: admin, manager, auditor, donor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /**
             * @description the read models did not reach the position asked within 5 s (Retry-After: 1)
             *
             *     the read audit could not record this read: no data sent (Retry-After)
             */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    ReadsController_reads: {
        parameters: {
            query?: {
                /** @description records after this id (default 0) */
                after?: string;
                /** @description at most this many records, 1-1000 (default 100) */
                limit?: string;
                /** @description only this user's reads (names compare without regard to case) */
                username?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description `next` is the `after` of the following page, null at the end */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        reads: {
                            id: number;
                            at: string;
                            username: string;
                            /** @enum {string} */
                            role: "admin" | "manager" | "auditor" | "donor";
                            method: string;
                            path: string;
                            query: {
                                [key: string]: string;
                            };
                            status: number;
                            caseEvents: number;
                        }[];
                        next: number | null;
                    };
                };
            };
            /** @description invalid input; `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description no token, or a bad or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description allowed to: admin, auditor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    ChangesController_stream: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a stream of `head` events */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description no token, or a bad or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description allowed to: admin, manager, auditor, donor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    ActivitiesController_csos: {
        parameters: {
            query?: {
                /** @description business date YYYY-MM-DD (default: the project end) */
                asOf?: string;
                /** @description the log up to this position, 0 ≤ N ≤ head (default: the read models' position) */
                atPosition?: string;
                /** @description instead of atPosition: the log up to the highest position recorded at or before this time (0 when none) */
                atTime?: string;
                /** @description wait up to 5 s until the read models reach this position (N ≤ head) */
                minPosition?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description aggregates as of asOf, known at position */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date */
                        asOf: string;
                        position: number;
                        regions: {
                            /** @enum {string} */
                            region: "tanger-tetouan-al-hoceima" | "oriental" | "fes-meknes" | "rabat-sale-kenitra" | "beni-mellal-khenifra" | "casablanca-settat" | "marrakech-safi" | "draa-tafilalet" | "souss-massa" | "guelmim-oued-noun" | "laayoune-sakia-el-hamra" | "dakhla-oued-ed-dahab";
                            mapped: number;
                            assessed: number;
                            agreements: number;
                        }[];
                        scores: {
                            /** @enum {string} */
                            area: "governance" | "finance" | "humanResources" | "programme" | "protection";
                            /** @description CSOs scoring 1, 2, 3, 4 (latest assessment) */
                            counts: number[];
                            average: number | null;
                        }[];
                    };
                };
            };
            /** @description invalid input; `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description no token, or a bad or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description allowed to: admin, manager, auditor, donor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description the read models did not reach the position asked within 5 s (Retry-After: 1) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    ActivitiesController_trainings: {
        parameters: {
            query?: {
                /** @description business date YYYY-MM-DD (default: the project end) */
                asOf?: string;
                /** @description the log up to this position, 0 ≤ N ≤ head (default: the read models' position) */
                atPosition?: string;
                /** @description instead of atPosition: the log up to the highest position recorded at or before this time (0 when none) */
                atTime?: string;
                /** @description wait up to 5 s until the read models reach this position (N ≤ head) */
                minPosition?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description rows newest first and totals */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date */
                        asOf: string;
                        position: number;
                        /** @description false for a donor: rows group trainings by quarter, audience and region */
                        detailed: boolean;
                        rows: {
                            trainingId?: string;
                            /** Format: date */
                            heldOn?: string;
                            topic?: string;
                            quarter: string;
                            /** @enum {string} */
                            audience: "government" | "cso" | "iom_staff";
                            /** @enum {string} */
                            region: "tanger-tetouan-al-hoceima" | "oriental" | "fes-meknes" | "rabat-sale-kenitra" | "beni-mellal-khenifra" | "casablanca-settat" | "marrakech-safi" | "draa-tafilalet" | "souss-massa" | "guelmim-oued-noun" | "laayoune-sakia-el-hamra" | "dakhla-oued-ed-dahab";
                            trainings: number;
                            female: number;
                            male: number;
                            tested: number;
                            improved: number;
                        }[];
                        totals: {
                            trainings: number;
                            female: number;
                            male: number;
                            tested: number;
                            improved: number;
                        };
                    };
                };
            };
            /** @description invalid input; `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description no token, or a bad or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description allowed to: admin, manager, auditor, donor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description the read models did not reach the position asked within 5 s (Retry-After: 1) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
    ActivitiesController_cases: {
        parameters: {
            query?: {
                /** @description business date YYYY-MM-DD (default: the project end) */
                asOf?: string;
                /** @description the log up to this position, 0 ≤ N ≤ head (default: the read models' position) */
                atPosition?: string;
                /** @description instead of atPosition: the log up to the highest position recorded at or before this time (0 when none) */
                atTime?: string;
                /** @description wait up to 5 s until the read models reach this position (N ≤ head) */
                minPosition?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description distinct cases at each step */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date */
                        asOf: string;
                        position: number;
                        funnel: {
                            identified: number;
                            assisted: number;
                            returned: number;
                            reintegrated: number;
                        };
                        /** @description absent for a donor */
                        closures?: {
                            /** @enum {string} */
                            reason: "reintegrated" | "returned" | "lost_contact" | "declined" | "other";
                            count: number;
                        }[];
                    };
                };
            };
            /** @description invalid input; `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description no token, or a bad or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description allowed to: admin, manager, auditor, donor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description the read models did not reach the position asked within 5 s (Retry-After: 1) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                        errors?: {
                            path: string;
                            message: string;
                        }[];
                    };
                };
            };
        };
    };
}
