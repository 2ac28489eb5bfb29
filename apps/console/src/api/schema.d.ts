export interface paths {
    "/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List API keys (never the keys themselves) */
        get: operations["ApiKeysController_list"];
        put?: never;
        /** Create an API key; the key is shown once and stored hashed */
        post: operations["ApiKeysController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys/{id}/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rotate a key: a new key with the same name and role (shown once); the old one keeps working for graceMinutes */
        post: operations["ApiKeysController_rotate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API key */
        delete: operations["ApiKeysController_revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit trail, newest first: keys created, rotated and revoked, journeys created, published, paused, resumed and archived, settings changed, customers erased, console sign-ins */
        get: operations["AuditController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customers/{customerId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a customer (contact details masked for analysts) */
        get: operations["CustomersController_get"];
        /** Create or replace a customer */
        put: operations["CustomersController_put"];
        post?: never;
        /** Erase a customer: contact details and personal attributes everywhere; anonymous touchpoint counts stay */
        delete: operations["CustomerInsightsController_erase"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Find customers by the start of their id, email or phone; analysts, who see contacts masked, find an email or phone only whole */
        get: operations["CustomersController_search"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customers/{customerId}/touchpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The customer's touchpoints, oldest first: their journey map */
        get: operations["CustomersController_touchpointsOf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ingest one event or a batch; 202 once stored durably */
        post: operations["EventsController_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/journeys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List journeys, newest first */
        get: operations["JourneysController_list"];
        put?: never;
        /** Create a journey (version 1, active) */
        post: operations["JourneysController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/journeys/validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Validate a journey without saving it */
        post: operations["JourneysController_validate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/journeys/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every journey with who changed it last, whether it has a draft, and its numbers for a period (default the last 7 days), in one request */
        get: operations["JourneysController_summary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/journeys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a journey at its current version */
        get: operations["JourneysController_get"];
        /** Publish a new version; running enrollments finish on the version they started */
        put: operations["JourneysController_update"];
        post?: never;
        /** Archive: no new enrollments, running ones end, unsent messages are cancelled */
        delete: operations["JourneysController_archive"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/journeys/{id}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pause: no new enrollments, steps that come due are held until resume */
        post: operations["JourneysController_pause"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/journeys/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resume a paused journey: what came due meanwhile goes out now (409 when archived) */
        post: operations["JourneysController_resume"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/journeys/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every change to the journey: what, by which API key, and when */
        get: operations["JourneysController_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/journeys/{id}/simulate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** What the journey would do for a customer and a timeline of events; sends and stores nothing */
        post: operations["JourneysController_simulate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/journeys/{id}/enrollments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Enroll up to 1000 customers by id in the journey's current version, as its trigger would
         * @description The re-entry rules (`reentry`, `reentryGap`, `entryLimit`) and the first steps (a split, its holdout) apply as for a trigger event; the trigger's `where` does not (the request is the trigger). With an `Idempotency-Key`, a repeat of the request answers what the first did and enrolls no one again.
         */
        post: operations["JourneyEntriesController_enroll"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/journeys/{id}/broadcasts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Enroll every customer matching a condition, chunk by chunk, in the worker
         * @description Answers at once with the broadcast (`running`); follow it with GET. Customers go in id order, 1,000 a chunk, each chunk in one transaction with the progress cursor: a worker that stops resumes where the last chunk ended, and a customer is enrolled at most once by a broadcast. While the journey is paused the broadcast waits; archived, it ends.
         */
        post: operations["JourneyEntriesController_startBroadcast"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/journeys/{id}/broadcasts/{broadcastId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A broadcast's progress: customers matched and enrolled so far, cursor, status
         * @description Email addresses and phone numbers in the condition are masked for the analyst role.
         */
        get: operations["JourneyEntriesController_getBroadcast"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/journeys/{id}/broadcasts/{broadcastId}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a running broadcast: the chunk in hand finishes, no other starts; enrollments made stay */
        post: operations["JourneyEntriesController_cancelBroadcast"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/journeys/{id}/draft": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The journey's draft (work in progress, possibly invalid); 404 when none */
        get: operations["JourneyConsoleController_getDraft"];
        /** Save the draft, valid or not (what runs does not change); 409 for an archived journey */
        put: operations["JourneyConsoleController_saveDraft"];
        post?: never;
        /** Discard the draft */
        delete: operations["JourneyConsoleController_discardDraft"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/journeys/{id}/draft/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Publish the draft as the next version (validated like PUT /v1/journeys/{id}: 400 keeps the draft; 409 when another version was published since its baseVersion) */
        post: operations["JourneyConsoleController_publish"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/journeys/{id}/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One version of the journey as it was published, with who and when */
        get: operations["JourneyConsoleController_version"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/journeys/{id}/steps/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Numbers on each step for a period (default the last 7 days), per variant on a split */
        get: operations["JourneyConsoleController_stepStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/journeys/{id}/lifecycle-preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What pause or archive would touch: customers inside, messages not sent yet */
        get: operations["JourneyConsoleController_lifecyclePreview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/touchpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The touchpoint log, newest first, with keyset pagination */
        get: operations["TouchpointsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/touchpoints/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every matching touchpoint, newest first, streamed as CSV or NDJSON (masked for analysts) */
        get: operations["TouchpointsController_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/touchpoints/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One touchpoint with its status trail and the message as the customer saw it (masked for analysts) */
        get: operations["TouchpointsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sandbox/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the sandbox adapters "sent", newest first */
        get: operations["SandboxController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/settings/frequency-caps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The frequency caps (none by default) */
        get: operations["SettingsController_getFrequencyCaps"];
        /** Replace the frequency caps, counted per customer in their timezone */
        put: operations["SettingsController_putFrequencyCaps"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/settings/channels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Which channels run for real and which in the sandbox, and the callback URLs to give each provider */
        get: operations["SettingsController_listChannels"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/settings/channels/{channel}/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask the provider whether the configured credentials are accepted (Twilio: the Account; SendGrid: the key’s scopes); sends nothing */
        post: operations["SettingsController_checkChannel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The session of the tp_session cookie; 401 without a live one */
        get: operations["SessionController_current"];
        put?: never;
        /** Sign in to the console with an API key: 401 unknown key, 403 an ingest key */
        post: operations["SessionController_signIn"];
        /** Sign out: the session ends server-side and the cookie is cleared */
        delete: operations["SessionController_signOut"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/templates/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Render a template for a customer as the worker would, with SMS segments and encoding; sends nothing */
        post: operations["TemplatesController_preview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/templates/test-send": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send me a test: render a template and send it to one address, through the provider when one is configured, else the sandbox
         * @description Recorded as a test send, never a touchpoint: it counts in no journey figure and no frequency cap. Counted against the caller’s writes rate limit. A provider’s refusal is answered 200 with `status: failed`.
         */
        post: operations["TemplatesController_testSend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/templates/variables": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The customer.attributes.* and event.properties.* paths that the latest enrollments of a journey carried */
        get: operations["TemplatesController_variablesOf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Redis and database reachability (503 when either is down), and the providers whose circuit is open */
        get: operations["HealthController_health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics: touchpoints, queues, sends, the process */
        get: operations["MetricsController_metrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/twilio/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Twilio status callback: moves the SMS or WhatsApp touchpoint forward (signed by Twilio) */
        post: operations["TwilioWebhooksController_status"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/twilio/inbound": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Incoming SMS or WhatsApp (`From: whatsapp:+…`): STOP and the other opt-out words revoke that channel’s consent, START restores it; a WhatsApp message opens the 24-hour window for free-form replies */
        post: operations["TwilioWebhooksController_inbound"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/sendgrid/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** SendGrid Event Webhook: delivered, bounce, open, click, unsubscribe… (signed) */
        post: operations["SendGridWebhooksController_receive"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/unsubscribe/{touchpointId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The unsubscribe confirmation page (signed link) */
        get: operations["UnsubscribeController_page"];
        put?: never;
        /** Unsubscribe: one-click (RFC 8058) or the page’s button (signed link) */
        post: operations["UnsubscribeController_unsubscribe"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/journeys/{id}/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Funnel, per channel, step and variant; conversions attributed to the last touchpoint with the holdout beside them; NPS */
        get: operations["JourneyStatsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/journeys/{id}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The stats, the funnel per period and channel, and conversions of the treated and of each variant beside the holdout with lift, 95 % interval and p-value */
        get: operations["JourneyStatsController_report"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/analytics/series": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sent, delivered, failed, clicked… per day, week or month and channel */
        get: operations["AnalyticsController_series"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/analytics/failures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The most frequent reasons messages failed or bounced, with the provider’s code */
        get: operations["AnalyticsController_failures"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/analytics/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Messages per channel and status over time, delivery rate, top failure reasons, unknown sends, queue depths */
        get: operations["AnalyticsController_overview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/analytics/nps/answers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Survey answers with their comments, newest first, searchable (masked for analysts) */
        get: operations["AnalyticsController_answers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/analytics/stages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Per stage and channel: sent, delivered, engaged, converted and survey scores */
        get: operations["AnalyticsController_byStage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/analytics/nps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** NPS per day, week or month, optionally for one journey or stage */
        get: operations["AnalyticsController_nps"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customers/{customerId}/journey-map": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The customer's touchpoints and events in order, grouped by stage, with each touchpoint's outcome */
        get: operations["CustomerInsightsController_journeyMap"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/s/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The survey page (HTML, in the customer’s language and direction) */
        get: operations["SurveyController_show"];
        put?: never;
        /** Answer the survey once: JSON `{ score, comment }` or the page’s form */
        post: operations["SurveyController_answer"];
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
        Problem: {
            /** @description A URI naming the kind of problem */
            type: string;
            title: string;
            status: number;
            detail?: string;
            /** @description Each invalid field, when the input was at fault */
            errors?: {
                /** @description The field, dotted as the body spells it: `steps.1.duration` */
                path: string;
                message: string;
            }[];
        };
        CreateApiKeyDto: {
            /** @description Who or what uses the key; shown in journey history */
            name: string;
            /** @enum {string} */
            role: "admin" | "marketer" | "analyst" | "ingest";
            /**
             * Format: date-time
             * @description When the key stops working; never when omitted
             */
            expiresAt?: string;
        };
        CreatedApiKey: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @enum {string} */
            role: "admin" | "marketer" | "analyst" | "ingest";
            /** @description The key itself: shown this once, stored only hashed */
            key: string;
            /** Format: date-time */
            createdAt: string;
            expiresAt: string | null;
        };
        RotateApiKeyDto: {
            /**
             * @description How long the old key keeps working, so every client can switch (default a day; 0: at once)
             * @default 1440
             */
            graceMinutes: number;
            /**
             * Format: date-time
             * @description When the new key stops working; never when omitted
             */
            expiresAt?: string;
        };
        RotatedApiKey: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @enum {string} */
            role: "admin" | "marketer" | "analyst" | "ingest";
            /** @description The key itself: shown this once, stored only hashed */
            key: string;
            /** Format: date-time */
            createdAt: string;
            expiresAt: string | null;
            /**
             * Format: uuid
             * @description The key this one replaces
             */
            rotatedFrom: string;
            /**
             * Format: date-time
             * @description When the old key stops working
             */
            oldKeyExpiresAt: string;
        };
        ApiKeyList: {
            items: {
                /** Format: uuid */
                id: string;
                name: string;
                /** @enum {string} */
                role: "admin" | "marketer" | "analyst" | "ingest";
                /** Format: date-time */
                createdAt: string;
                revokedAt: string | null;
                expiresAt: string | null;
                /** @description The last request made with it, to the minute */
                lastUsedAt: string | null;
                /** @description The key it replaced, when it was made by a rotation */
                rotatedFrom: string | null;
            }[];
        };
        AuditPage: {
            items: {
                /** Format: uuid */
                id: string;
                /** Format: date-time */
                at: string;
                actor: {
                    keyId: string | null;
                    /** @description The key's name when the change was made */
                    name: string;
                    role: string | null;
                };
                action: string;
                target: {
                    type: string | null;
                    id: string | null;
                };
                detail: {
                    [key: string]: unknown;
                } | null;
                /** @description Where the request came from (behind a proxy, see TRUST_PROXY) */
                ip: string | null;
                requestId: string | null;
            }[];
            nextCursor: string | null;
        };
        CustomerBodyDto: {
            email?: string | null;
            /** @description E.164 */
            phone?: string | null;
            pushSubscriptions?: {
                /**
                 * Format: uri
                 * @description The push service URL from PushSubscription.endpoint
                 */
                endpoint: string;
                keys: {
                    p256dh: string;
                    auth: string;
                };
            }[];
            /** @description FCM registration tokens of the customer's mobile app installs; push goes to the last one, before any browser subscription */
            fcmTokens?: string[];
            locale?: string | null;
            timezone?: string | null;
            attributes?: {
                [key: string]: unknown;
            };
            consent?: {
                sms?: boolean;
                email?: boolean;
                push?: boolean;
                whatsapp?: boolean;
            };
        };
        Customer: {
            id: string;
            email: string | null;
            phone: string | null;
            pushSubscriptions: {
                endpoint: string;
                /** @description Absent when masked */
                keys?: {
                    p256dh: string;
                    auth: string;
                };
            }[];
            fcmTokens: string[];
            locale: string | null;
            timezone: string | null;
            attributes: {
                [key: string]: unknown;
            };
            consent: {
                sms?: boolean;
                email?: boolean;
                push?: boolean;
                whatsapp?: boolean;
            };
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        CustomerSearch: {
            items: {
                id: string;
                email: string | null;
                phone: string | null;
                pushSubscriptions: {
                    endpoint: string;
                    /** @description Absent when masked */
                    keys?: {
                        p256dh: string;
                        auth: string;
                    };
                }[];
                fcmTokens: string[];
                locale: string | null;
                timezone: string | null;
                attributes: {
                    [key: string]: unknown;
                };
                consent: {
                    sms?: boolean;
                    email?: boolean;
                    push?: boolean;
                    whatsapp?: boolean;
                };
                /** Format: date-time */
                createdAt: string;
                /** Format: date-time */
                updatedAt: string;
            }[];
        };
        TouchpointList: {
            items: {
                /** Format: uuid */
                id: string;
                customerId: string;
                journeyId: string | null;
                journeyVersion: number | null;
                stepId: string | null;
                stage: ("awareness" | "consideration" | "decision" | "purchase" | "retention" | "advocacy") | null;
                /** @enum {string} */
                channel: "sms" | "email" | "push" | "whatsapp" | "survey" | "webhook";
                /** @enum {string} */
                status: "scheduled" | "sending" | "sent" | "delivered" | "failed" | "bounced" | "opened" | "clicked" | "unsubscribed" | "suppressed" | "unknown" | "cancelled" | "answered" | "expired";
                /** @description The address it went to; masked for analysts */
                to: string | null;
                /** @description What the customer read first: the SMS body, email subject or push title; masked for analysts */
                text: string | null;
                provider: string | null;
                providerMessageId: string | null;
                scheduledFor: string | null;
                sentAt: string | null;
                deliveredAt: string | null;
                /** @description A stable code: no_consent, frequency_cap, the provider’s error code… */
                error: string | null;
                errorMessage: string | null;
                details: {
                    [key: string]: unknown;
                } | null;
                /** @description A survey answer’s 0–10 score */
                score: number | null;
                comment: string | null;
                /** @description A survey answer’s touchpoint: the one that carried the link */
                surveyOf: string | null;
                /** Format: date-time */
                createdAt: string;
                events: {
                    /** @enum {string} */
                    status: "scheduled" | "sending" | "sent" | "delivered" | "failed" | "bounced" | "opened" | "clicked" | "unsubscribed" | "suppressed" | "unknown" | "cancelled" | "answered" | "expired";
                    /** Format: date-time */
                    at: string;
                }[];
            }[];
        };
        EventsBody: {
            /** @description Idempotency key: an id already accepted is counted as a duplicate and has no effect */
            id?: string;
            customerId: string;
            name: string;
            /** @default {} */
            properties: {
                [key: string]: unknown;
            };
            /**
             * Format: date-time
             * @description ISO-8601; defaults to the time received
             */
            occurredAt?: string;
        } | {
            events: {
                /** @description Idempotency key: an id already accepted is counted as a duplicate and has no effect */
                id?: string;
                customerId: string;
                name: string;
                /** @default {} */
                properties: {
                    [key: string]: unknown;
                };
                /**
                 * Format: date-time
                 * @description ISO-8601; defaults to the time received
                 */
                occurredAt?: string;
            }[];
        };
        EventsAccepted: {
            accepted: number;
            /** @description Events whose id was already accepted: no further effect */
            duplicates: number;
        };
        /** @description A comparison `{ path, op, value }` (ops eq, ne, gt, gte, lt, lte, in, contains, exists), or `{ all: [...] }`, `{ any: [...] }`, `{ not: {...} }`. */
        Condition: {
            /** @description Dotted path starting at `customer`, `event`, `consent` or `context` (what earlier steps found out, by step id: `context.bought.event`), e.g. `customer.attributes.tier`. */
            path: string;
            /**
             * @description Comparison operator.
             * @enum {string}
             */
            op: "eq" | "ne" | "gt" | "gte" | "lt" | "lte" | "in" | "contains" | "exists";
            /** @description Value to compare with; an array for `in`; omitted for `exists` (or `false` for "does not exist"). */
            value?: unknown;
        } | {
            /** @description True when every condition is true. */
            all: components["schemas"]["Condition"][];
        } | {
            /** @description True when at least one condition is true. */
            any: components["schemas"]["Condition"][];
        } | {
            not: components["schemas"]["Condition"];
        };
        /** @description A journey: a trigger, steps, and the rules around them. */
        JourneyDefinitionDto: {
            /** @description Name shown to marketers. */
            name: string;
            /** @description Free text. */
            description?: string;
            /**
             * @description Lifecycle stage; every touchpoint of the journey carries it.
             * @enum {string}
             */
            stage: "awareness" | "consideration" | "decision" | "purchase" | "retention" | "advocacy";
            /** @description What enrolls a customer. */
            trigger: {
                /** @description Event name that enrolls the customer. */
                event: string;
                /** @description Condition that narrows which events enroll. */
                where?: components["schemas"]["Condition"];
            };
            /**
             * @description Whether a customer may enroll again: never, after_exit (once the previous enrollment ended) or always (on every trigger; a customer runs a journey once at a time, so a new entry ends the running one with reason `reentered`).
             * @default never
             * @enum {string}
             */
            reentry: "never" | "after_exit" | "always";
            /** @description Minimum time before a customer may enroll again, ISO-8601: counted from the end of the previous enrollment under after_exit, from its start under always. */
            reentryGap?: string;
            /** @description Maximum number of enrollments per customer. */
            entryLimit?: number;
            /**
             * @description Events that end the enrollment and cancel what it has not sent yet.
             * @default []
             */
            exitOn: string[];
            /** @description Conversion goal, attributed to the last touchpoint. */
            goal?: {
                /** @description Conversion event name. */
                event: string;
                /** @description Attribution window after a touchpoint, ISO-8601. */
                within: string;
            };
            /**
             * @description Exempt from frequency caps.
             * @default false
             */
            transactional: boolean;
            /** @description A daily window in the customer's timezone (UTC when unknown); a step due inside it is sent when it ends. */
            quietHours?: {
                /** @description Start of the quiet window, local HH:MM, e.g. 21:00. */
                start: string;
                /** @description End of the quiet window, local HH:MM, e.g. 09:00; may be earlier than start (wraps midnight). */
                end: string;
            };
            /** @description How long each message of the journey stays worth sending after its step is reached, ISO-8601; a send step may say otherwise. A message held longer becomes `expired`, never sent late. */
            expiresAfter?: string;
            /** @description NPS survey; templates then have `survey.url`. */
            survey?: {
                /** @description Question shown on the survey page. */
                question: string;
                /**
                 * @description Answer scale: nps (0 to 10).
                 * @constant
                 */
                scale: "nps";
            };
            /** @description Steps, run in array order unless a step names its successor. */
            steps: ({
                /** @description Step id, unique within the journey. */
                id: string;
                /** @constant */
                type: "wait";
                /** @description How long to wait, ISO-8601 (`P3D`, `PT2H`); added in the customer timezone. */
                duration?: string;
                /** @description Wait until a local time or a date instead of a duration. */
                until?: {
                    /** @description Local time in the customer timezone, HH:MM. */
                    time: string;
                    /** @description Allowed weekdays; any day when omitted. */
                    days?: ("mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun")[];
                } | {
                    /** @description Path to a date (`customer.attributes.birthday`, `event.properties.departsAt`) or an ISO date; a MM-DD value recurs yearly. */
                    date: string;
                    /** @description Added to the date, may be negative: `-P3D`. */
                    offset?: string;
                    /** @description Local time on that day, HH:MM; by default the time of the date itself (midnight for a plain date). */
                    time?: string;
                };
                /** @description Id of the step that follows; by default the next step in the array. */
                next?: string;
            } | ({
                /** @description Step id, unique within the journey. */
                id: string;
                /** @constant */
                type: "send";
                /** @description How long the message stays worth sending after the step is reached, ISO-8601 (`PT10M` for a code, `P1D` for a cart reminder): one held longer by a provider outage, a paused journey or quiet hours becomes `expired`, never sent late. Overrides the journey’s; without either, a message waits. */
                expiresAfter?: string;
                /** @description Id of the step that follows; by default the next step in the array. */
                next?: string;
                /**
                 * @description Channel.
                 * @constant
                 */
                channel: "sms";
                /** @description SMS template. */
                template: {
                    /** @description Message text (Liquid; customer, event and journey in scope). */
                    body: string;
                    /** @description Per-locale overrides keyed by locale (`fa-IR`, `fa`); the customer locale `fa-IR` falls back to `fa`, then to the default fields. */
                    locales?: {
                        [key: string]: {
                            /** @description Message text (Liquid; customer, event and journey in scope). */
                            body: string;
                        };
                    };
                };
            } | {
                /** @description Step id, unique within the journey. */
                id: string;
                /** @constant */
                type: "send";
                /** @description How long the message stays worth sending after the step is reached, ISO-8601 (`PT10M` for a code, `P1D` for a cart reminder): one held longer by a provider outage, a paused journey or quiet hours becomes `expired`, never sent late. Overrides the journey’s; without either, a message waits. */
                expiresAfter?: string;
                /** @description Id of the step that follows; by default the next step in the array. */
                next?: string;
                /**
                 * @description Channel.
                 * @constant
                 */
                channel: "email";
                /** @description Email template. */
                template: {
                    /** @description Subject line (Liquid; customer, event and journey in scope). */
                    subject: string;
                    /** @description HTML body (Liquid; customer, event and journey in scope). */
                    html: string;
                    /** @description Plain-text body; derived from the HTML when omitted (Liquid; customer, event and journey in scope). */
                    text?: string;
                    /** @description Per-locale overrides keyed by locale (`fa-IR`, `fa`); the customer locale `fa-IR` falls back to `fa`, then to the default fields. */
                    locales?: {
                        [key: string]: {
                            /** @description Subject line (Liquid; customer, event and journey in scope). */
                            subject: string;
                            /** @description HTML body (Liquid; customer, event and journey in scope). */
                            html: string;
                            /** @description Plain-text body; derived from the HTML when omitted (Liquid; customer, event and journey in scope). */
                            text?: string;
                        };
                    };
                };
            } | {
                /** @description Step id, unique within the journey. */
                id: string;
                /** @constant */
                type: "send";
                /** @description How long the message stays worth sending after the step is reached, ISO-8601 (`PT10M` for a code, `P1D` for a cart reminder): one held longer by a provider outage, a paused journey or quiet hours becomes `expired`, never sent late. Overrides the journey’s; without either, a message waits. */
                expiresAfter?: string;
                /** @description Id of the step that follows; by default the next step in the array. */
                next?: string;
                /**
                 * @description Channel.
                 * @constant
                 */
                channel: "push";
                /** @description Web Push template. */
                template: {
                    /** @description Notification title (Liquid; customer, event and journey in scope). */
                    title: string;
                    /** @description Notification text (Liquid; customer, event and journey in scope). */
                    body: string;
                    /** @description URL opened on click (Liquid; customer, event and journey in scope). */
                    url?: string;
                    /** @description Per-locale overrides keyed by locale (`fa-IR`, `fa`); the customer locale `fa-IR` falls back to `fa`, then to the default fields. */
                    locales?: {
                        [key: string]: {
                            /** @description Notification title (Liquid; customer, event and journey in scope). */
                            title: string;
                            /** @description Notification text (Liquid; customer, event and journey in scope). */
                            body: string;
                            /** @description URL opened on click (Liquid; customer, event and journey in scope). */
                            url?: string;
                        };
                    };
                };
            } | {
                /** @description Step id, unique within the journey. */
                id: string;
                /** @constant */
                type: "send";
                /** @description How long the message stays worth sending after the step is reached, ISO-8601 (`PT10M` for a code, `P1D` for a cart reminder): one held longer by a provider outage, a paused journey or quiet hours becomes `expired`, never sent late. Overrides the journey’s; without either, a message waits. */
                expiresAfter?: string;
                /** @description Id of the step that follows; by default the next step in the array. */
                next?: string;
                /**
                 * @description Channel.
                 * @constant
                 */
                channel: "whatsapp";
                /** @description WhatsApp template. */
                template: {
                    /** @description Free-form text, sent within 24 hours of the customer's last WhatsApp message (Liquid; customer, event and journey in scope). */
                    body: string;
                    /** @description An approved content template (`HX…`), sent outside the 24-hour window; without one the message is suppressed there (Liquid; customer, event and journey in scope). */
                    contentSid?: string;
                    /** @description The content template's placeholders by name (`{ "1": "{{ customer.attributes.firstName }}" }`), each Liquid. */
                    contentVariables?: {
                        [key: string]: string;
                    };
                    /** @description Per-locale overrides keyed by locale (`fa-IR`, `fa`); the customer locale `fa-IR` falls back to `fa`, then to the default fields. */
                    locales?: {
                        [key: string]: {
                            /** @description Free-form text, sent within 24 hours of the customer's last WhatsApp message (Liquid; customer, event and journey in scope). */
                            body: string;
                            /** @description An approved content template (`HX…`), sent outside the 24-hour window; without one the message is suppressed there (Liquid; customer, event and journey in scope). */
                            contentSid?: string;
                            /** @description The content template's placeholders by name (`{ "1": "{{ customer.attributes.firstName }}" }`), each Liquid. */
                            contentVariables?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            }) | {
                /** @description Step id, unique within the journey. */
                id: string;
                /** @constant */
                type: "wait_for_event";
                /** @description Name of the awaited event; or `events` for several. */
                event?: string;
                /** @description Names of awaited events, any of which ends the wait; the one that did is `context.<step id>.event`. */
                events?: string[];
                /** @description Narrows which events count. */
                where?: components["schemas"]["Condition"];
                /** @description How long to wait for the event, ISO-8601. */
                timeout: string;
                /** @description Step to continue with when the event arrives. */
                onEvent: string;
                /** @description Step to continue with when the timeout passes. */
                onTimeout: string;
            } | {
                /** @description Step id, unique within the journey. */
                id: string;
                /** @constant */
                type: "wait_for_attribute";
                /** @description Customer attribute (a key of `customer.attributes`) whose change ends the wait. */
                attribute: string;
                /** @description Narrows which changes count, on the customer after the change (`customer.attributes.plan eq "pro"`); another change keeps waiting. */
                where?: components["schemas"]["Condition"];
                /** @description How long to wait for the change, ISO-8601. */
                timeout: string;
                /** @description Step to continue with when the attribute changes. */
                onChange: string;
                /** @description Step to continue with when the timeout passes. */
                onTimeout: string;
            } | {
                /** @description Step id, unique within the journey. */
                id: string;
                /** @constant */
                type: "branch";
                if: components["schemas"]["Condition"];
                /** @description Step to continue with when the condition is true. */
                then: string;
                /** @description Step to continue with when the condition is false. */
                else: string;
            } | {
                /** @description Step id, unique within the journey. */
                id: string;
                /** @constant */
                type: "split";
                /** @description Variants, chosen deterministically per customer in proportion to their weights. */
                variants: {
                    /** @description Variant name, reported on its touchpoints. */
                    name: string;
                    /** @description Relative weight. */
                    weight: number;
                    /** @description First step of this variant. */
                    next: string;
                }[];
                /** @description Percentage of customers who receive nothing from here on (the control group). */
                holdout?: number;
            } | {
                /** @description Step id, unique within the journey. */
                id: string;
                /** @constant */
                type: "update_attributes";
                /** @description Attributes set to these values: `{ "cartReminder": "sent" }`. */
                set?: {
                    [key: string]: unknown;
                };
                /** @description Attributes set to the moment the step runs, ISO-8601 UTC: `["lastCartReminderAt"]`. */
                setNow?: string[];
                /** @description Attributes increased by these amounts (negative to decrease): `{ "remindersSent": 1 }`; one that is missing or not a number counts as 0. */
                increment?: {
                    [key: string]: number;
                };
                /** @description Attributes removed. */
                unset?: string[];
                /** @description Id of the step that follows; by default the next step in the array. */
                next?: string;
            } | {
                /** @description Step id, unique within the journey. */
                id: string;
                /** @constant */
                type: "webhook";
                /**
                 * Format: uri
                 * @description Where to POST. Its host must resolve to public addresses only, unless WEBHOOK_ALLOW_PRIVATE is set.
                 */
                url: string;
                /** @description Extra request headers (an API key of the receiver); not templates. */
                headers?: {
                    [key: string]: string;
                };
                /** @description The JSON body; every string in it is a Liquid template with `customer`, `event` and `journey` in scope (`{ "cart": "{{ event.properties.cartUrl }}" }`). */
                body: unknown;
                /** @description How long one attempt may take, ISO-8601, at most PT30S; PT10S by default. */
                timeout?: string;
                /** @description Id of the step that follows; by default the next step in the array. */
                next?: string;
            } | {
                /** @description Step id, unique within the journey. */
                id: string;
                /** @constant */
                type: "exit";
            })[];
        };
        /** @description A comparison `{ path, op, value }` (ops eq, ne, gt, gte, lt, lte, in, contains, exists), or `{ all: [...] }`, `{ any: [...] }`, `{ not: {...} }`. */
        Condition_Output: {
            /** @description Dotted path starting at `customer`, `event`, `consent` or `context` (what earlier steps found out, by step id: `context.bought.event`), e.g. `customer.attributes.tier`. */
            path: string;
            /**
             * @description Comparison operator.
             * @enum {string}
             */
            op: "eq" | "ne" | "gt" | "gte" | "lt" | "lte" | "in" | "contains" | "exists";
            /** @description Value to compare with; an array for `in`; omitted for `exists` (or `false` for "does not exist"). */
            value?: unknown;
        } | {
            /** @description True when every condition is true. */
            all: components["schemas"]["Condition_Output"][];
        } | {
            /** @description True when at least one condition is true. */
            any: components["schemas"]["Condition_Output"][];
        } | {
            not: components["schemas"]["Condition_Output"];
        };
        Journey: {
            /** @description Name shown to marketers. */
            name: string;
            /** @description Free text. */
            description?: string;
            /**
             * @description Lifecycle stage; every touchpoint of the journey carries it.
             * @enum {string}
             */
            stage: "awareness" | "consideration" | "decision" | "purchase" | "retention" | "advocacy";
            /** @description What enrolls a customer. */
            trigger: {
                /** @description Event name that enrolls the customer. */
                event: string;
                /** @description Condition that narrows which events enroll. */
                where?: components["schemas"]["Condition_Output"];
            };
            /**
             * @description Whether a customer may enroll again: never, after_exit (once the previous enrollment ended) or always (on every trigger; a customer runs a journey once at a time, so a new entry ends the running one with reason `reentered`).
             * @default never
             * @enum {string}
             */
            reentry: "never" | "after_exit" | "always";
            /** @description Minimum time before a customer may enroll again, ISO-8601: counted from the end of the previous enrollment under after_exit, from its start under always. */
            reentryGap?: string;
            /** @description Maximum number of enrollments per customer. */
            entryLimit?: number;
            /**
             * @description Events that end the enrollment and cancel what it has not sent yet.
             * @default []
             */
            exitOn: string[];
            /** @description Conversion goal, attributed to the last touchpoint. */
            goal?: {
                /** @description Conversion event name. */
                event: string;
                /** @description Attribution window after a touchpoint, ISO-8601. */
                within: string;
            };
            /**
             * @description Exempt from frequency caps.
             * @default false
             */
            transactional: boolean;
            /** @description A daily window in the customer's timezone (UTC when unknown); a step due inside it is sent when it ends. */
            quietHours?: {
                /** @description Start of the quiet window, local HH:MM, e.g. 21:00. */
                start: string;
                /** @description End of the quiet window, local HH:MM, e.g. 09:00; may be earlier than start (wraps midnight). */
                end: string;
            };
            /** @description How long each message of the journey stays worth sending after its step is reached, ISO-8601; a send step may say otherwise. A message held longer becomes `expired`, never sent late. */
            expiresAfter?: string;
            /** @description NPS survey; templates then have `survey.url`. */
            survey?: {
                /** @description Question shown on the survey page. */
                question: string;
                /**
                 * @description Answer scale: nps (0 to 10).
                 * @constant
                 */
                scale: "nps";
            };
            /** @description Steps, run in array order unless a step names its successor. */
            steps: ({
                /** @description Step id, unique within the journey. */
                id: string;
                /** @constant */
                type: "wait";
                /** @description How long to wait, ISO-8601 (`P3D`, `PT2H`); added in the customer timezone. */
                duration?: string;
                /** @description Wait until a local time or a date instead of a duration. */
                until?: {
                    /** @description Local time in the customer timezone, HH:MM. */
                    time: string;
                    /** @description Allowed weekdays; any day when omitted. */
                    days?: ("mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun")[];
                } | {
                    /** @description Path to a date (`customer.attributes.birthday`, `event.properties.departsAt`) or an ISO date; a MM-DD value recurs yearly. */
                    date: string;
                    /** @description Added to the date, may be negative: `-P3D`. */
                    offset?: string;
                    /** @description Local time on that day, HH:MM; by default the time of the date itself (midnight for a plain date). */
                    time?: string;
                };
                /** @description Id of the step that follows; by default the next step in the array. */
                next?: string;
            } | ({
                /** @description Step id, unique within the journey. */
                id: string;
                /** @constant */
                type: "send";
                /** @description How long the message stays worth sending after the step is reached, ISO-8601 (`PT10M` for a code, `P1D` for a cart reminder): one held longer by a provider outage, a paused journey or quiet hours becomes `expired`, never sent late. Overrides the journey’s; without either, a message waits. */
                expiresAfter?: string;
                /** @description Id of the step that follows; by default the next step in the array. */
                next?: string;
                /**
                 * @description Channel.
                 * @constant
                 */
                channel: "sms";
                /** @description SMS template. */
                template: {
                    /** @description Message text (Liquid; customer, event and journey in scope). */
                    body: string;
                    /** @description Per-locale overrides keyed by locale (`fa-IR`, `fa`); the customer locale `fa-IR` falls back to `fa`, then to the default fields. */
                    locales?: {
                        [key: string]: {
                            /** @description Message text (Liquid; customer, event and journey in scope). */
                            body: string;
                        };
                    };
                };
            } | {
                /** @description Step id, unique within the journey. */
                id: string;
                /** @constant */
                type: "send";
                /** @description How long the message stays worth sending after the step is reached, ISO-8601 (`PT10M` for a code, `P1D` for a cart reminder): one held longer by a provider outage, a paused journey or quiet hours becomes `expired`, never sent late. Overrides the journey’s; without either, a message waits. */
                expiresAfter?: string;
                /** @description Id of the step that follows; by default the next step in the array. */
                next?: string;
                /**
                 * @description Channel.
                 * @constant
                 */
                channel: "email";
                /** @description Email template. */
                template: {
                    /** @description Subject line (Liquid; customer, event and journey in scope). */
                    subject: string;
                    /** @description HTML body (Liquid; customer, event and journey in scope). */
                    html: string;
                    /** @description Plain-text body; derived from the HTML when omitted (Liquid; customer, event and journey in scope). */
                    text?: string;
                    /** @description Per-locale overrides keyed by locale (`fa-IR`, `fa`); the customer locale `fa-IR` falls back to `fa`, then to the default fields. */
                    locales?: {
                        [key: string]: {
                            /** @description Subject line (Liquid; customer, event and journey in scope). */
                            subject: string;
                            /** @description HTML body (Liquid; customer, event and journey in scope). */
                            html: string;
                            /** @description Plain-text body; derived from the HTML when omitted (Liquid; customer, event and journey in scope). */
                            text?: string;
                        };
                    };
                };
            } | {
                /** @description Step id, unique within the journey. */
                id: string;
                /** @constant */
                type: "send";
                /** @description How long the message stays worth sending after the step is reached, ISO-8601 (`PT10M` for a code, `P1D` for a cart reminder): one held longer by a provider outage, a paused journey or quiet hours becomes `expired`, never sent late. Overrides the journey’s; without either, a message waits. */
                expiresAfter?: string;
                /** @description Id of the step that follows; by default the next step in the array. */
                next?: string;
                /**
                 * @description Channel.
                 * @constant
                 */
                channel: "push";
                /** @description Web Push template. */
                template: {
                    /** @description Notification title (Liquid; customer, event and journey in scope). */
                    title: string;
                    /** @description Notification text (Liquid; customer, event and journey in scope). */
                    body: string;
                    /** @description URL opened on click (Liquid; customer, event and journey in scope). */
                    url?: string;
                    /** @description Per-locale overrides keyed by locale (`fa-IR`, `fa`); the customer locale `fa-IR` falls back to `fa`, then to the default fields. */
                    locales?: {
                        [key: string]: {
                            /** @description Notification title (Liquid; customer, event and journey in scope). */
                            title: string;
                            /** @description Notification text (Liquid; customer, event and journey in scope). */
                            body: string;
                            /** @description URL opened on click (Liquid; customer, event and journey in scope). */
                            url?: string;
                        };
                    };
                };
            } | {
                /** @description Step id, unique within the journey. */
                id: string;
                /** @constant */
                type: "send";
                /** @description How long the message stays worth sending after the step is reached, ISO-8601 (`PT10M` for a code, `P1D` for a cart reminder): one held longer by a provider outage, a paused journey or quiet hours becomes `expired`, never sent late. Overrides the journey’s; without either, a message waits. */
                expiresAfter?: string;
                /** @description Id of the step that follows; by default the next step in the array. */
                next?: string;
                /**
                 * @description Channel.
                 * @constant
                 */
                channel: "whatsapp";
                /** @description WhatsApp template. */
                template: {
                    /** @description Free-form text, sent within 24 hours of the customer's last WhatsApp message (Liquid; customer, event and journey in scope). */
                    body: string;
                    /** @description An approved content template (`HX…`), sent outside the 24-hour window; without one the message is suppressed there (Liquid; customer, event and journey in scope). */
                    contentSid?: string;
                    /** @description The content template's placeholders by name (`{ "1": "{{ customer.attributes.firstName }}" }`), each Liquid. */
                    contentVariables?: {
                        [key: string]: string;
                    };
                    /** @description Per-locale overrides keyed by locale (`fa-IR`, `fa`); the customer locale `fa-IR` falls back to `fa`, then to the default fields. */
                    locales?: {
                        [key: string]: {
                            /** @description Free-form text, sent within 24 hours of the customer's last WhatsApp message (Liquid; customer, event and journey in scope). */
                            body: string;
                            /** @description An approved content template (`HX…`), sent outside the 24-hour window; without one the message is suppressed there (Liquid; customer, event and journey in scope). */
                            contentSid?: string;
                            /** @description The content template's placeholders by name (`{ "1": "{{ customer.attributes.firstName }}" }`), each Liquid. */
                            contentVariables?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            }) | {
                /** @description Step id, unique within the journey. */
                id: string;
                /** @constant */
                type: "wait_for_event";
                /** @description Name of the awaited event; or `events` for several. */
                event?: string;
                /** @description Names of awaited events, any of which ends the wait; the one that did is `context.<step id>.event`. */
                events?: string[];
                /** @description Narrows which events count. */
                where?: components["schemas"]["Condition_Output"];
                /** @description How long to wait for the event, ISO-8601. */
                timeout: string;
                /** @description Step to continue with when the event arrives. */
                onEvent: string;
                /** @description Step to continue with when the timeout passes. */
                onTimeout: string;
            } | {
                /** @description Step id, unique within the journey. */
                id: string;
                /** @constant */
                type: "wait_for_attribute";
                /** @description Customer attribute (a key of `customer.attributes`) whose change ends the wait. */
                attribute: string;
                /** @description Narrows which changes count, on the customer after the change (`customer.attributes.plan eq "pro"`); another change keeps waiting. */
                where?: components["schemas"]["Condition_Output"];
                /** @description How long to wait for the change, ISO-8601. */
                timeout: string;
                /** @description Step to continue with when the attribute changes. */
                onChange: string;
                /** @description Step to continue with when the timeout passes. */
                onTimeout: string;
            } | {
                /** @description Step id, unique within the journey. */
                id: string;
                /** @constant */
                type: "branch";
                if: components["schemas"]["Condition_Output"];
                /** @description Step to continue with when the condition is true. */
                then: string;
                /** @description Step to continue with when the condition is false. */
                else: string;
            } | {
                /** @description Step id, unique within the journey. */
                id: string;
                /** @constant */
                type: "split";
                /** @description Variants, chosen deterministically per customer in proportion to their weights. */
                variants: {
                    /** @description Variant name, reported on its touchpoints. */
                    name: string;
                    /** @description Relative weight. */
                    weight: number;
                    /** @description First step of this variant. */
                    next: string;
                }[];
                /** @description Percentage of customers who receive nothing from here on (the control group). */
                holdout?: number;
            } | {
                /** @description Step id, unique within the journey. */
                id: string;
                /** @constant */
                type: "update_attributes";
                /** @description Attributes set to these values: `{ "cartReminder": "sent" }`. */
                set?: {
                    [key: string]: unknown;
                };
                /** @description Attributes set to the moment the step runs, ISO-8601 UTC: `["lastCartReminderAt"]`. */
                setNow?: string[];
                /** @description Attributes increased by these amounts (negative to decrease): `{ "remindersSent": 1 }`; one that is missing or not a number counts as 0. */
                increment?: {
                    [key: string]: number;
                };
                /** @description Attributes removed. */
                unset?: string[];
                /** @description Id of the step that follows; by default the next step in the array. */
                next?: string;
            } | {
                /** @description Step id, unique within the journey. */
                id: string;
                /** @constant */
                type: "webhook";
                /**
                 * Format: uri
                 * @description Where to POST. Its host must resolve to public addresses only, unless WEBHOOK_ALLOW_PRIVATE is set.
                 */
                url: string;
                /** @description Extra request headers (an API key of the receiver); not templates. */
                headers?: {
                    [key: string]: string;
                };
                /** @description The JSON body; every string in it is a Liquid template with `customer`, `event` and `journey` in scope (`{ "cart": "{{ event.properties.cartUrl }}" }`). */
                body: unknown;
                /** @description How long one attempt may take, ISO-8601, at most PT30S; PT10S by default. */
                timeout?: string;
                /** @description Id of the step that follows; by default the next step in the array. */
                next?: string;
            } | {
                /** @description Step id, unique within the journey. */
                id: string;
                /** @constant */
                type: "exit";
            })[];
            /** Format: uuid */
            id: string;
            version: number;
            /** @enum {string} */
            status: "active" | "paused" | "archived";
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        JourneyValid: {
            /** @constant */
            valid: true;
        };
        JourneyList: {
            items: {
                /** @description Name shown to marketers. */
                name: string;
                /** @description Free text. */
                description?: string;
                /**
                 * @description Lifecycle stage; every touchpoint of the journey carries it.
                 * @enum {string}
                 */
                stage: "awareness" | "consideration" | "decision" | "purchase" | "retention" | "advocacy";
                /** @description What enrolls a customer. */
                trigger: {
                    /** @description Event name that enrolls the customer. */
                    event: string;
                    /** @description Condition that narrows which events enroll. */
                    where?: components["schemas"]["Condition_Output"];
                };
                /**
                 * @description Whether a customer may enroll again: never, after_exit (once the previous enrollment ended) or always (on every trigger; a customer runs a journey once at a time, so a new entry ends the running one with reason `reentered`).
                 * @default never
                 * @enum {string}
                 */
                reentry: "never" | "after_exit" | "always";
                /** @description Minimum time before a customer may enroll again, ISO-8601: counted from the end of the previous enrollment under after_exit, from its start under always. */
                reentryGap?: string;
                /** @description Maximum number of enrollments per customer. */
                entryLimit?: number;
                /**
                 * @description Events that end the enrollment and cancel what it has not sent yet.
                 * @default []
                 */
                exitOn: string[];
                /** @description Conversion goal, attributed to the last touchpoint. */
                goal?: {
                    /** @description Conversion event name. */
                    event: string;
                    /** @description Attribution window after a touchpoint, ISO-8601. */
                    within: string;
                };
                /**
                 * @description Exempt from frequency caps.
                 * @default false
                 */
                transactional: boolean;
                /** @description A daily window in the customer's timezone (UTC when unknown); a step due inside it is sent when it ends. */
                quietHours?: {
                    /** @description Start of the quiet window, local HH:MM, e.g. 21:00. */
                    start: string;
                    /** @description End of the quiet window, local HH:MM, e.g. 09:00; may be earlier than start (wraps midnight). */
                    end: string;
                };
                /** @description How long each message of the journey stays worth sending after its step is reached, ISO-8601; a send step may say otherwise. A message held longer becomes `expired`, never sent late. */
                expiresAfter?: string;
                /** @description NPS survey; templates then have `survey.url`. */
                survey?: {
                    /** @description Question shown on the survey page. */
                    question: string;
                    /**
                     * @description Answer scale: nps (0 to 10).
                     * @constant
                     */
                    scale: "nps";
                };
                /** @description Steps, run in array order unless a step names its successor. */
                steps: ({
                    /** @description Step id, unique within the journey. */
                    id: string;
                    /** @constant */
                    type: "wait";
                    /** @description How long to wait, ISO-8601 (`P3D`, `PT2H`); added in the customer timezone. */
                    duration?: string;
                    /** @description Wait until a local time or a date instead of a duration. */
                    until?: {
                        /** @description Local time in the customer timezone, HH:MM. */
                        time: string;
                        /** @description Allowed weekdays; any day when omitted. */
                        days?: ("mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun")[];
                    } | {
                        /** @description Path to a date (`customer.attributes.birthday`, `event.properties.departsAt`) or an ISO date; a MM-DD value recurs yearly. */
                        date: string;
                        /** @description Added to the date, may be negative: `-P3D`. */
                        offset?: string;
                        /** @description Local time on that day, HH:MM; by default the time of the date itself (midnight for a plain date). */
                        time?: string;
                    };
                    /** @description Id of the step that follows; by default the next step in the array. */
                    next?: string;
                } | ({
                    /** @description Step id, unique within the journey. */
                    id: string;
                    /** @constant */
                    type: "send";
                    /** @description How long the message stays worth sending after the step is reached, ISO-8601 (`PT10M` for a code, `P1D` for a cart reminder): one held longer by a provider outage, a paused journey or quiet hours becomes `expired`, never sent late. Overrides the journey’s; without either, a message waits. */
                    expiresAfter?: string;
                    /** @description Id of the step that follows; by default the next step in the array. */
                    next?: string;
                    /**
                     * @description Channel.
                     * @constant
                     */
                    channel: "sms";
                    /** @description SMS template. */
                    template: {
                        /** @description Message text (Liquid; customer, event and journey in scope). */
                        body: string;
                        /** @description Per-locale overrides keyed by locale (`fa-IR`, `fa`); the customer locale `fa-IR` falls back to `fa`, then to the default fields. */
                        locales?: {
                            [key: string]: {
                                /** @description Message text (Liquid; customer, event and journey in scope). */
                                body: string;
                            };
                        };
                    };
                } | {
                    /** @description Step id, unique within the journey. */
                    id: string;
                    /** @constant */
                    type: "send";
                    /** @description How long the message stays worth sending after the step is reached, ISO-8601 (`PT10M` for a code, `P1D` for a cart reminder): one held longer by a provider outage, a paused journey or quiet hours becomes `expired`, never sent late. Overrides the journey’s; without either, a message waits. */
                    expiresAfter?: string;
                    /** @description Id of the step that follows; by default the next step in the array. */
                    next?: string;
                    /**
                     * @description Channel.
                     * @constant
                     */
                    channel: "email";
                    /** @description Email template. */
                    template: {
                        /** @description Subject line (Liquid; customer, event and journey in scope). */
                        subject: string;
                        /** @description HTML body (Liquid; customer, event and journey in scope). */
                        html: string;
                        /** @description Plain-text body; derived from the HTML when omitted (Liquid; customer, event and journey in scope). */
                        text?: string;
                        /** @description Per-locale overrides keyed by locale (`fa-IR`, `fa`); the customer locale `fa-IR` falls back to `fa`, then to the default fields. */
                        locales?: {
                            [key: string]: {
                                /** @description Subject line (Liquid; customer, event and journey in scope). */
                                subject: string;
                                /** @description HTML body (Liquid; customer, event and journey in scope). */
                                html: string;
                                /** @description Plain-text body; derived from the HTML when omitted (Liquid; customer, event and journey in scope). */
                                text?: string;
                            };
                        };
                    };
                } | {
                    /** @description Step id, unique within the journey. */
                    id: string;
                    /** @constant */
                    type: "send";
                    /** @description How long the message stays worth sending after the step is reached, ISO-8601 (`PT10M` for a code, `P1D` for a cart reminder): one held longer by a provider outage, a paused journey or quiet hours becomes `expired`, never sent late. Overrides the journey’s; without either, a message waits. */
                    expiresAfter?: string;
                    /** @description Id of the step that follows; by default the next step in the array. */
                    next?: string;
                    /**
                     * @description Channel.
                     * @constant
                     */
                    channel: "push";
                    /** @description Web Push template. */
                    template: {
                        /** @description Notification title (Liquid; customer, event and journey in scope). */
                        title: string;
                        /** @description Notification text (Liquid; customer, event and journey in scope). */
                        body: string;
                        /** @description URL opened on click (Liquid; customer, event and journey in scope). */
                        url?: string;
                        /** @description Per-locale overrides keyed by locale (`fa-IR`, `fa`); the customer locale `fa-IR` falls back to `fa`, then to the default fields. */
                        locales?: {
                            [key: string]: {
                                /** @description Notification title (Liquid; customer, event and journey in scope). */
                                title: string;
                                /** @description Notification text (Liquid; customer, event and journey in scope). */
                                body: string;
                                /** @description URL opened on click (Liquid; customer, event and journey in scope). */
                                url?: string;
                            };
                        };
                    };
                } | {
                    /** @description Step id, unique within the journey. */
                    id: string;
                    /** @constant */
                    type: "send";
                    /** @description How long the message stays worth sending after the step is reached, ISO-8601 (`PT10M` for a code, `P1D` for a cart reminder): one held longer by a provider outage, a paused journey or quiet hours becomes `expired`, never sent late. Overrides the journey’s; without either, a message waits. */
                    expiresAfter?: string;
                    /** @description Id of the step that follows; by default the next step in the array. */
                    next?: string;
                    /**
                     * @description Channel.
                     * @constant
                     */
                    channel: "whatsapp";
                    /** @description WhatsApp template. */
                    template: {
                        /** @description Free-form text, sent within 24 hours of the customer's last WhatsApp message (Liquid; customer, event and journey in scope). */
                        body: string;
                        /** @description An approved content template (`HX…`), sent outside the 24-hour window; without one the message is suppressed there (Liquid; customer, event and journey in scope). */
                        contentSid?: string;
                        /** @description The content template's placeholders by name (`{ "1": "{{ customer.attributes.firstName }}" }`), each Liquid. */
                        contentVariables?: {
                            [key: string]: string;
                        };
                        /** @description Per-locale overrides keyed by locale (`fa-IR`, `fa`); the customer locale `fa-IR` falls back to `fa`, then to the default fields. */
                        locales?: {
                            [key: string]: {
                                /** @description Free-form text, sent within 24 hours of the customer's last WhatsApp message (Liquid; customer, event and journey in scope). */
                                body: string;
                                /** @description An approved content template (`HX…`), sent outside the 24-hour window; without one the message is suppressed there (Liquid; customer, event and journey in scope). */
                                contentSid?: string;
                                /** @description The content template's placeholders by name (`{ "1": "{{ customer.attributes.firstName }}" }`), each Liquid. */
                                contentVariables?: {
                                    [key: string]: string;
                                };
                            };
                        };
                    };
                }) | {
                    /** @description Step id, unique within the journey. */
                    id: string;
                    /** @constant */
                    type: "wait_for_event";
                    /** @description Name of the awaited event; or `events` for several. */
                    event?: string;
                    /** @description Names of awaited events, any of which ends the wait; the one that did is `context.<step id>.event`. */
                    events?: string[];
                    /** @description Narrows which events count. */
                    where?: components["schemas"]["Condition_Output"];
                    /** @description How long to wait for the event, ISO-8601. */
                    timeout: string;
                    /** @description Step to continue with when the event arrives. */
                    onEvent: string;
                    /** @description Step to continue with when the timeout passes. */
                    onTimeout: string;
                } | {
                    /** @description Step id, unique within the journey. */
                    id: string;
                    /** @constant */
                    type: "wait_for_attribute";
                    /** @description Customer attribute (a key of `customer.attributes`) whose change ends the wait. */
                    attribute: string;
                    /** @description Narrows which changes count, on the customer after the change (`customer.attributes.plan eq "pro"`); another change keeps waiting. */
                    where?: components["schemas"]["Condition_Output"];
                    /** @description How long to wait for the change, ISO-8601. */
                    timeout: string;
                    /** @description Step to continue with when the attribute changes. */
                    onChange: string;
                    /** @description Step to continue with when the timeout passes. */
                    onTimeout: string;
                } | {
                    /** @description Step id, unique within the journey. */
                    id: string;
                    /** @constant */
                    type: "branch";
                    if: components["schemas"]["Condition_Output"];
                    /** @description Step to continue with when the condition is true. */
                    then: string;
                    /** @description Step to continue with when the condition is false. */
                    else: string;
                } | {
                    /** @description Step id, unique within the journey. */
                    id: string;
                    /** @constant */
                    type: "split";
                    /** @description Variants, chosen deterministically per customer in proportion to their weights. */
                    variants: {
                        /** @description Variant name, reported on its touchpoints. */
                        name: string;
                        /** @description Relative weight. */
                        weight: number;
                        /** @description First step of this variant. */
                        next: string;
                    }[];
                    /** @description Percentage of customers who receive nothing from here on (the control group). */
                    holdout?: number;
                } | {
                    /** @description Step id, unique within the journey. */
                    id: string;
                    /** @constant */
                    type: "update_attributes";
                    /** @description Attributes set to these values: `{ "cartReminder": "sent" }`. */
                    set?: {
                        [key: string]: unknown;
                    };
                    /** @description Attributes set to the moment the step runs, ISO-8601 UTC: `["lastCartReminderAt"]`. */
                    setNow?: string[];
                    /** @description Attributes increased by these amounts (negative to decrease): `{ "remindersSent": 1 }`; one that is missing or not a number counts as 0. */
                    increment?: {
                        [key: string]: number;
                    };
                    /** @description Attributes removed. */
                    unset?: string[];
                    /** @description Id of the step that follows; by default the next step in the array. */
                    next?: string;
                } | {
                    /** @description Step id, unique within the journey. */
                    id: string;
                    /** @constant */
                    type: "webhook";
                    /**
                     * Format: uri
                     * @description Where to POST. Its host must resolve to public addresses only, unless WEBHOOK_ALLOW_PRIVATE is set.
                     */
                    url: string;
                    /** @description Extra request headers (an API key of the receiver); not templates. */
                    headers?: {
                        [key: string]: string;
                    };
                    /** @description The JSON body; every string in it is a Liquid template with `customer`, `event` and `journey` in scope (`{ "cart": "{{ event.properties.cartUrl }}" }`). */
                    body: unknown;
                    /** @description How long one attempt may take, ISO-8601, at most PT30S; PT10S by default. */
                    timeout?: string;
                    /** @description Id of the step that follows; by default the next step in the array. */
                    next?: string;
                } | {
                    /** @description Step id, unique within the journey. */
                    id: string;
                    /** @constant */
                    type: "exit";
                })[];
                /** Format: uuid */
                id: string;
                version: number;
                /** @enum {string} */
                status: "active" | "paused" | "archived";
                /** Format: date-time */
                createdAt: string;
                /** Format: date-time */
                updatedAt: string;
            }[];
        };
        JourneySummary: {
            items: {
                /** Format: uuid */
                id: string;
                name: string;
                /** @description The trigger, as the journey has it */
                trigger: {
                    [key: string]: unknown;
                };
                stage: ("awareness" | "consideration" | "decision" | "purchase" | "retention" | "advocacy") | null;
                /** @enum {string} */
                status: "active" | "paused" | "archived";
                version: number;
                hasDraft: boolean;
                /** Format: date-time */
                updatedAt: string;
                /** @description Who made the last change (created, updated, paused…) */
                updatedBy: {
                    /** @description The API key; null for changes made before keys were recorded */
                    keyId: string | null;
                    /** @description The key's name */
                    name: string;
                } | null;
                /** @description For the period [from, to) */
                numbers: {
                    /** @description Enrollments in the period */
                    entered: number;
                    /** @description Touchpoints created in the period that were sent */
                    sent: number;
                    /** @description … and delivered */
                    delivered: number;
                    /** @description Enrollments of the period that reached the goal within its window */
                    converted: number;
                };
            }[];
            /** Format: date-time */
            from: string;
            /** Format: date-time */
            to: string;
        };
        JourneyHistory: {
            items: {
                version: number;
                /** @description created, updated, paused, resumed or archived */
                action: string;
                /** @description The name of the API key that did it */
                actor: string;
                /** @description Its id; null for changes recorded before key ids were */
                actorKeyId: string | null;
                /** Format: date-time */
                at: string;
            }[];
        };
        /** @description What a journey would do for one customer and a timeline of events. */
        SimulationBodyDto: {
            /** @description A stored customer (`{ "id" }`) or one written inline, as `PUT /v1/customers` takes it. */
            customer: {
                /** @description A stored customer, with their sending history. */
                id: string;
            } | {
                email?: string | null;
                /** @description E.164 */
                phone?: string | null;
                pushSubscriptions?: {
                    /**
                     * Format: uri
                     * @description The push service URL from PushSubscription.endpoint
                     */
                    endpoint: string;
                    keys: {
                        p256dh: string;
                        auth: string;
                    };
                }[];
                /** @description FCM registration tokens of the customer's mobile app installs; push goes to the last one, before any browser subscription */
                fcmTokens?: string[];
                locale?: string | null;
                timezone?: string | null;
                attributes?: {
                    [key: string]: unknown;
                };
                consent?: {
                    sms?: boolean;
                    email?: boolean;
                    push?: boolean;
                    whatsapp?: boolean;
                };
                /** @description Decides split variants; `simulated` when omitted. */
                id?: string;
            };
            /** @description The timeline: the first event that matches the trigger enrolls. */
            events: {
                name: string;
                /** @default {} */
                properties: {
                    [key: string]: unknown;
                };
                /**
                 * Format: date-time
                 * @description When it happens; now when omitted.
                 */
                at?: string;
            }[];
            /** @description A definition to simulate instead of the published version (a draft being edited), checked like POST /v1/journeys/validate. */
            definition?: {
                [key: string]: unknown;
            };
        };
        Simulation: {
            version: number;
            enrolled: boolean;
            timezone: string;
            variant: string | null;
            /** @description Why the customer would not enter, or why the walk stopped early */
            reason: string | null;
            steps: {
                stepId: string;
                /** @enum {string} */
                action: "wait" | "send" | "hold" | "suppress" | "branch" | "update" | "call" | "exit";
                /** Format: date-time */
                at: string;
                /** @description `at` in the customer’s timezone, ISO-8601 with its offset */
                localTime: string;
                channel: ("sms" | "email" | "push" | "whatsapp") | null;
                rendered: {
                    [key: string]: unknown;
                } | null;
                reason: string | null;
            }[];
        };
        /** @description Customers to enroll in the journey at its current version, as its trigger would. */
        EnrollmentsBodyDto: {
            /** @description Customers to enroll, at most 1000; a repeated id counts once. */
            customerIds: string[];
        };
        EnrollmentsResult: {
            /** Format: uuid */
            journeyId: string;
            /** @description The journey version the customers were enrolled in. */
            version: number;
            counts: {
                enrolled: number;
                alreadyEnrolled: number;
                notFound: number;
                notEligible: number;
            };
            /** @description One per distinct customer id, in the order asked. */
            results: {
                customerId: string;
                /**
                 * @description enrolled; already_enrolled (running in the journey now); not_found (no such customer); not_eligible (the re-entry rules refuse: see `reason`).
                 * @enum {string}
                 */
                outcome: "enrolled" | "already_enrolled" | "not_found" | "not_eligible";
                /**
                 * Format: uuid
                 * @description The new enrollment, when enrolled.
                 */
                enrollmentId?: string;
                /**
                 * @description Why not eligible: reentry `never` and enrolled before, `entryLimit` reached, or `reentryGap` not over.
                 * @enum {string}
                 */
                reason?: "entered_before" | "entry_limit" | "reentry_gap";
            }[];
        };
        /** @description Enroll every customer matching `condition` in the journey, chunk by chunk, in the worker. The condition looks at `customer.*` (id, email, phone, locale, timezone, attributes, consent) and `consent.*`; `event.*` is refused, a broadcast has no event. */
        BroadcastBodyDto: {
            condition: components["schemas"]["Condition"];
        };
        Broadcast: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            journeyId: string;
            /** @description The condition, as given. */
            condition: unknown;
            /**
             * @description running (or waiting for a worker, or for its paused journey to resume), completed, cancelled.
             * @enum {string}
             */
            status: "running" | "completed" | "cancelled";
            /** @description The last customer id looked at (customers go in id order); null before the first chunk. */
            cursor: string | null;
            progress: {
                /** @description Customers the database selected so far. */
                scanned: number;
                /** @description Of those, the customers the condition matches. */
                matched: number;
                enrolled: number;
                alreadyEnrolled: number;
                /** @description Refused by the re-entry rules. */
                notEligible: number;
            };
            /** @description completed, cancelled (by a caller) or journey_archived; null while running. */
            endReason: string | null;
            /** @description The name of the API key that started it. */
            createdBy: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            finishedAt: string | null;
        };
        JourneyDraft: {
            /** Format: uuid */
            journeyId: string;
            definition: {
                [key: string]: unknown;
            };
            baseVersion: number;
            /** Format: date-time */
            updatedAt: string;
            /** @description Who: the API key that did it */
            updatedBy: {
                /** @description The API key; null for changes made before keys were recorded */
                keyId: string | null;
                /** @description The key's name */
                name: string;
            };
        };
        DraftBodyDto: {
            /** @description The journey as POST /v1/journeys takes it; stored even when it does not validate yet */
            definition: {
                [key: string]: unknown;
            };
            /** @description The published version the draft was started from */
            baseVersion: number;
        };
        JourneyVersion: {
            /** Format: uuid */
            journeyId: string;
            version: number;
            /** @description The journey as it was at that version */
            definition: {
                [key: string]: unknown;
            };
            /** Format: date-time */
            createdAt: string;
            /** @description Who: the API key that did it */
            createdBy: {
                /** @description The API key; null for changes made before keys were recorded */
                keyId: string | null;
                /** @description The key's name */
                name: string;
            };
        };
        JourneyStepStats: {
            /** Format: date-time */
            from: string;
            /** Format: date-time */
            to: string;
            /** @description By step id, every step of the current version */
            steps: {
                [key: string]: {
                    /** @description Enrollments that reached the step in the period */
                    entered: number;
                    /** @description Running enrollments waiting at the step now (whatever the period) */
                    waiting: number;
                    sent: number;
                    delivered: number;
                    failed: number;
                    /** @description Suppressed messages by reason */
                    suppressed: {
                        [key: string]: number;
                    };
                    /** @description Send steps: touchpoints a goal event was attributed to (last touch) */
                    converted: number;
                    /** @description Split steps: per variant, and the control group as `holdout` */
                    variants: {
                        [key: string]: {
                            entered: number;
                            converted: number;
                        };
                    };
                };
            };
        };
        LifecyclePreview: {
            /** @description Customers inside the journey now */
            waiting: number;
            /** @description Messages not sent yet: archive cancels them, pause holds them */
            pendingMessages: number;
        };
        TouchpointPage: {
            items: {
                /** Format: uuid */
                id: string;
                customerId: string;
                journeyId: string | null;
                journeyVersion: number | null;
                stepId: string | null;
                stage: ("awareness" | "consideration" | "decision" | "purchase" | "retention" | "advocacy") | null;
                /** @enum {string} */
                channel: "sms" | "email" | "push" | "whatsapp" | "survey" | "webhook";
                /** @enum {string} */
                status: "scheduled" | "sending" | "sent" | "delivered" | "failed" | "bounced" | "opened" | "clicked" | "unsubscribed" | "suppressed" | "unknown" | "cancelled" | "answered" | "expired";
                /** @description The address it went to; masked for analysts */
                to: string | null;
                /** @description What the customer read first: the SMS body, email subject or push title; masked for analysts */
                text: string | null;
                provider: string | null;
                providerMessageId: string | null;
                scheduledFor: string | null;
                sentAt: string | null;
                deliveredAt: string | null;
                /** @description A stable code: no_consent, frequency_cap, the provider’s error code… */
                error: string | null;
                errorMessage: string | null;
                details: {
                    [key: string]: unknown;
                } | null;
                /** @description A survey answer’s 0–10 score */
                score: number | null;
                comment: string | null;
                /** @description A survey answer’s touchpoint: the one that carried the link */
                surveyOf: string | null;
                /** Format: date-time */
                createdAt: string;
                events: {
                    /** @enum {string} */
                    status: "scheduled" | "sending" | "sent" | "delivered" | "failed" | "bounced" | "opened" | "clicked" | "unsubscribed" | "suppressed" | "unknown" | "cancelled" | "answered" | "expired";
                    /** Format: date-time */
                    at: string;
                }[];
            }[];
            /** @description Pass as `cursor` for the next page; null on the last */
            nextCursor: string | null;
        };
        TouchpointDetail: {
            /** Format: uuid */
            id: string;
            customerId: string;
            journeyId: string | null;
            journeyVersion: number | null;
            stepId: string | null;
            stage: ("awareness" | "consideration" | "decision" | "purchase" | "retention" | "advocacy") | null;
            /** @enum {string} */
            channel: "sms" | "email" | "push" | "whatsapp" | "survey" | "webhook";
            /** @enum {string} */
            status: "scheduled" | "sending" | "sent" | "delivered" | "failed" | "bounced" | "opened" | "clicked" | "unsubscribed" | "suppressed" | "unknown" | "cancelled" | "answered" | "expired";
            /** @description The address it went to; masked for analysts */
            to: string | null;
            /** @description What the customer read first: the SMS body, email subject or push title; masked for analysts */
            text: string | null;
            provider: string | null;
            providerMessageId: string | null;
            scheduledFor: string | null;
            sentAt: string | null;
            deliveredAt: string | null;
            /** @description A stable code: no_consent, frequency_cap, the provider’s error code… */
            error: string | null;
            errorMessage: string | null;
            details: {
                [key: string]: unknown;
            } | null;
            /** @description A survey answer’s 0–10 score */
            score: number | null;
            comment: string | null;
            /** @description A survey answer’s touchpoint: the one that carried the link */
            surveyOf: string | null;
            /** Format: date-time */
            createdAt: string;
            events: {
                /** @enum {string} */
                status: "scheduled" | "sending" | "sent" | "delivered" | "failed" | "bounced" | "opened" | "clicked" | "unsubscribed" | "suppressed" | "unknown" | "cancelled" | "answered" | "expired";
                /** Format: date-time */
                at: string;
            }[];
            /** @description The message as rendered for the customer (sms { body }, email { subject, html, text? }, push { title, body, url? }, whatsapp { body, contentSid?, contentVariables? }); null before it was rendered or after erasure */
            message: {
                [key: string]: unknown;
            } | null;
        };
        SandboxMessages: {
            items: {
                channel: string;
                to: string;
                subject: string | null;
                body: string | null;
                html: string | null;
                touchpointId: string | null;
                /** Format: date-time */
                at: string;
                /** @description A "send me a test" from the console, not a touchpoint */
                test: boolean;
            }[];
        };
        /** @description Frequency caps. */
        FrequencyCaps: {
            /** @description Caps; none by default. */
            caps: {
                /**
                 * @description The channel capped, or `any` for all channels together.
                 * @enum {string}
                 */
                channel: "sms" | "email" | "push" | "whatsapp" | "any";
                /** @description How many messages the window allows. */
                max: number;
                /** @description `day` or `week` (calendar, in the customer timezone; weeks start on Monday) or a rolling duration such as `PT6H`. */
                per: ("day" | "week") | string;
            }[];
        };
        /** @description Frequency caps. */
        FrequencyCapsDto: {
            /** @description Caps; none by default. */
            caps: {
                /**
                 * @description The channel capped, or `any` for all channels together.
                 * @enum {string}
                 */
                channel: "sms" | "email" | "push" | "whatsapp" | "any";
                /** @description How many messages the window allows. */
                max: number;
                /** @description `day` or `week` (calendar, in the customer timezone; weeks start on Monday) or a rolling duration such as `PT6H`. */
                per: ("day" | "week") | string;
            }[];
        };
        ChannelSettings: {
            /** @description PUBLIC_BASE_URL, which the callback URLs start with */
            publicBaseUrl: string;
            /** @description True when it names this machine (localhost, a loopback address): no provider can call it */
            publicBaseUrlIsLocal: boolean;
            channels: {
                /** @enum {string} */
                channel: "sms" | "email" | "push" | "whatsapp";
                /** @description twilio, sendgrid, web-push+fcm… or sandbox */
                provider: string;
                /**
                 * @description live: a provider sends; sandbox: kept in the sandbox inbox
                 * @enum {string}
                 */
                mode: "live" | "sandbox";
                /** @description The URLs to paste into the provider's console (Twilio status and inbound, SendGrid events) */
                callbackUrls: {
                    [key: string]: string;
                };
            }[];
        };
        CredentialCheck: {
            /** @enum {string} */
            channel: "sms" | "email" | "push" | "whatsapp";
            provider: string;
            /**
             * @description What the provider said of the configured credentials; sandbox: none are configured
             * @enum {string}
             */
            status: "accepted" | "rejected" | "unreachable" | "unchecked" | "sandbox";
            /** @description The provider's words; never a credential */
            detail: string;
        };
        SignInDto: {
            /** @description An API key (`tp_…`) of any role but ingest */
            key: string;
        };
        SessionDto_Output: {
            /** Format: uuid */
            keyId: string;
            /** @description The key's name */
            name: string;
            /** @enum {string} */
            role: "admin" | "marketer" | "analyst" | "ingest";
            /** @description Send as X-CSRF-Token with every change made with the session cookie */
            csrfToken: string;
            /**
             * Format: date-time
             * @description When the session ends unless used before; each use moves it
             */
            expiresAt: string;
        };
        TemplatePreviewBodyDto: {
            /** @enum {string} */
            channel: "sms" | "email" | "push" | "whatsapp";
            /** @description As in a send step: sms { body }, email { subject, html, text? }, push { title, body, url? }, whatsapp { body, contentSid?, contentVariables? }, with locales */
            template: {
                [key: string]: unknown;
            };
            /** @description A stored customer (`{ "id" }`) or one written inline, as PUT /v1/customers takes it */
            customer: {
                /** @description A stored customer */
                id: string;
            } | {
                email?: string | null;
                /** @description E.164 */
                phone?: string | null;
                pushSubscriptions?: {
                    /**
                     * Format: uri
                     * @description The push service URL from PushSubscription.endpoint
                     */
                    endpoint: string;
                    keys: {
                        p256dh: string;
                        auth: string;
                    };
                }[];
                /** @description FCM registration tokens of the customer's mobile app installs; push goes to the last one, before any browser subscription */
                fcmTokens?: string[];
                locale?: string | null;
                timezone?: string | null;
                attributes?: {
                    [key: string]: unknown;
                };
                consent?: {
                    sms?: boolean;
                    email?: boolean;
                    push?: boolean;
                    whatsapp?: boolean;
                };
                id?: string;
            };
            event?: {
                name: string;
                /** @default {} */
                properties: {
                    [key: string]: unknown;
                };
            };
            /** @description Fills `journey.*` (and allows `survey.url`) */
            journey?: {
                /** Format: uuid */
                id: string;
            };
        };
        TemplatePreview: {
            locale: string | null;
            /** @description sms { body }, email { subject, html, text? }, push { title, body, url? }, whatsapp { body, contentSid?, contentVariables? } */
            rendered: {
                [key: string]: string | {
                    [key: string]: string;
                };
            };
            /** @description For SMS: how the provider will bill it */
            sms?: {
                segments: number;
                /** @enum {string} */
                encoding: "GSM-7" | "UCS-2";
                characters: number;
            };
        };
        TestSendBodyDto: {
            /** @enum {string} */
            channel: "sms" | "email" | "push" | "whatsapp";
            /** @description As in a send step: sms { body }, email { subject, html, text? }, push { title, body, url? }, whatsapp { body, contentSid?, contentVariables? }, with locales */
            template: {
                [key: string]: unknown;
            };
            /** @description Whose data fills the template: a stored customer or one written inline; none by default */
            customer?: {
                /** @description A stored customer */
                id: string;
            } | {
                email?: string | null;
                /** @description E.164 */
                phone?: string | null;
                pushSubscriptions?: {
                    /**
                     * Format: uri
                     * @description The push service URL from PushSubscription.endpoint
                     */
                    endpoint: string;
                    keys: {
                        p256dh: string;
                        auth: string;
                    };
                }[];
                /** @description FCM registration tokens of the customer's mobile app installs; push goes to the last one, before any browser subscription */
                fcmTokens?: string[];
                locale?: string | null;
                timezone?: string | null;
                attributes?: {
                    [key: string]: unknown;
                };
                consent?: {
                    sms?: boolean;
                    email?: boolean;
                    push?: boolean;
                    whatsapp?: boolean;
                };
                id?: string;
            };
            event?: {
                name: string;
                /** @default {} */
                properties: {
                    [key: string]: unknown;
                };
            };
            /** @description Fills `journey.*` (and allows `survey.url`) */
            journey?: {
                /** Format: uuid */
                id: string;
            };
            /** @description Where the test goes: a phone (E.164), an email address, or fcm:<token> */
            to: string;
        };
        TestSend: {
            /** Format: uuid */
            id: string;
            /**
             * @description live: through the provider; sandbox: kept in the sandbox inbox
             * @enum {string}
             */
            mode: "live" | "sandbox";
            provider: string;
            /** @enum {string} */
            status: "sent" | "failed";
            error: string | null;
            rendered: {
                [key: string]: string | {
                    [key: string]: string;
                };
            };
        };
        TemplateVariables: {
            /** @description `customer.attributes.*` paths, the most common first */
            customer: string[];
            /** @description `event.properties.*` paths of the trigger event, the most common first */
            event: string[];
            /** @description How many recent enrollments were read */
            sampled: number;
        };
        Health: {
            /** @enum {string} */
            status: "ok" | "degraded";
            /** @enum {string} */
            redis: "up" | "down";
            /** @enum {string} */
            database: "up" | "down";
            /** @description Providers whose circuit is open (consecutive transient failures): their messages wait, spending no attempt, while one probe tests the provider. An open circuit does not make this process unhealthy. */
            circuits: {
                [key: string]: {
                    /** @constant */
                    state: "open";
                    since: string;
                    nextProbeAt: string;
                };
            };
        };
        TwilioStatusCallbackDto: {
            MessageSid: string;
            MessageStatus: string;
            ErrorCode?: string;
            ErrorMessage?: string;
        };
        TwilioInboundDto: {
            From: string;
            Body?: string;
            OptOutType?: string;
        };
        SendGridEventsReport: {
            /** @description Moved a touchpoint forward */
            applied: number;
            /** @description Kept in its history without changing its status */
            recorded: number;
            stale: number;
            duplicate: number;
            unknown_touchpoint: number;
            /** @description Malformed, or an event type that means nothing here */
            ignored: number;
        };
        JourneyStats: {
            /** Format: uuid */
            journeyId: string;
            name: string;
            version: number | null;
            from: string | null;
            to: string | null;
            enrolled: number;
            active: number;
            exited: number;
            completed: number;
            holdout: number;
            touchpoints: {
                scheduled: number;
                pending: number;
                sent: number;
                delivered: number;
                opened: number;
                clicked: number;
                failed: number;
                bounced: number;
                unsubscribed: number;
                suppressed: number;
                cancelled: number;
                unknown: number;
                /** @description Held past their `expiresAfter` (an outage, a pause, quiet hours): never sent */
                expired: number;
                answered: number;
                /** @description Suppressed touchpoints by reason */
                suppressedBy: {
                    [key: string]: number;
                };
            };
            byChannel: {
                [key: string]: {
                    scheduled: number;
                    pending: number;
                    sent: number;
                    delivered: number;
                    opened: number;
                    clicked: number;
                    failed: number;
                    bounced: number;
                    unsubscribed: number;
                    suppressed: number;
                    cancelled: number;
                    unknown: number;
                    /** @description Held past their `expiresAfter` (an outage, a pause, quiet hours): never sent */
                    expired: number;
                    answered: number;
                    /** @description Suppressed touchpoints by reason */
                    suppressedBy: {
                        [key: string]: number;
                    };
                    /** @description Goal events attributed */
                    conversions: number;
                    /** @description Touchpoints that converted */
                    converted: number;
                };
            };
            steps: ({
                stepId: string;
                /** @constant */
                type: "send";
                entered: number;
                /** @enum {string} */
                channel: "sms" | "email" | "push" | "whatsapp";
                scheduled: number;
                pending: number;
                sent: number;
                delivered: number;
                opened: number;
                clicked: number;
                failed: number;
                bounced: number;
                unsubscribed: number;
                suppressed: number;
                cancelled: number;
                unknown: number;
                /** @description Held past their `expiresAfter` (an outage, a pause, quiet hours): never sent */
                expired: number;
                answered: number;
                /** @description Suppressed touchpoints by reason */
                suppressedBy: {
                    [key: string]: number;
                };
                /** @description Goal events attributed */
                conversions: number;
                /** @description Touchpoints that converted */
                converted: number;
                /** @description A fraction from 0 to 1; null when there is nothing to divide by */
                conversionRate: number | null;
            } | {
                stepId: string;
                /** @enum {string} */
                type: "wait" | "wait_for_event" | "wait_for_attribute" | "branch" | "split" | "update_attributes" | "webhook" | "exit";
                entered: number;
            })[];
            variants: {
                variant: string;
                enrolled: number;
                active: number;
                exited: number;
                completed: number;
                converted: number;
                /** @description A fraction from 0 to 1; null when there is nothing to divide by */
                conversionRate: number | null;
                touchpoints: {
                    scheduled: number;
                    pending: number;
                    sent: number;
                    delivered: number;
                    opened: number;
                    clicked: number;
                    failed: number;
                    bounced: number;
                    unsubscribed: number;
                    suppressed: number;
                    cancelled: number;
                    unknown: number;
                    /** @description Held past their `expiresAfter` (an outage, a pause, quiet hours): never sent */
                    expired: number;
                    answered: number;
                    /** @description Suppressed touchpoints by reason */
                    suppressedBy: {
                        [key: string]: number;
                    };
                };
                attributed: {
                    /** @description Goal events attributed */
                    conversions: number;
                    /** @description Touchpoints that converted */
                    converted: number;
                };
            }[];
            conversions: {
                goal: {
                    /** @description Conversion event name. */
                    event: string;
                    /** @description Attribution window after a touchpoint, ISO-8601. */
                    within: string;
                };
                attributed: number;
                touchpointsConverted: number;
                treated: {
                    enrolled: number;
                    converted: number;
                    /** @description A fraction from 0 to 1; null when there is nothing to divide by */
                    rate: number | null;
                };
                holdout: {
                    enrolled: number;
                    converted: number;
                    /** @description A fraction from 0 to 1; null when there is nothing to divide by */
                    rate: number | null;
                };
                lift: {
                    absolute: number;
                    relative: number | null;
                } | null;
            } | {
                goal: null;
            };
            nps: {
                responses: number;
                promoters: number;
                passives: number;
                detractors: number;
                /** @description -100 to 100; null without responses */
                score: number | null;
            };
        };
        JourneyReport: {
            /** Format: uuid */
            journeyId: string;
            name: string;
            version: number | null;
            from: string | null;
            to: string | null;
            enrolled: number;
            active: number;
            exited: number;
            completed: number;
            holdout: number;
            touchpoints: {
                scheduled: number;
                pending: number;
                sent: number;
                delivered: number;
                opened: number;
                clicked: number;
                failed: number;
                bounced: number;
                unsubscribed: number;
                suppressed: number;
                cancelled: number;
                unknown: number;
                /** @description Held past their `expiresAfter` (an outage, a pause, quiet hours): never sent */
                expired: number;
                answered: number;
                /** @description Suppressed touchpoints by reason */
                suppressedBy: {
                    [key: string]: number;
                };
            };
            byChannel: {
                [key: string]: {
                    scheduled: number;
                    pending: number;
                    sent: number;
                    delivered: number;
                    opened: number;
                    clicked: number;
                    failed: number;
                    bounced: number;
                    unsubscribed: number;
                    suppressed: number;
                    cancelled: number;
                    unknown: number;
                    /** @description Held past their `expiresAfter` (an outage, a pause, quiet hours): never sent */
                    expired: number;
                    answered: number;
                    /** @description Suppressed touchpoints by reason */
                    suppressedBy: {
                        [key: string]: number;
                    };
                    /** @description Goal events attributed */
                    conversions: number;
                    /** @description Touchpoints that converted */
                    converted: number;
                };
            };
            steps: ({
                stepId: string;
                /** @constant */
                type: "send";
                entered: number;
                /** @enum {string} */
                channel: "sms" | "email" | "push" | "whatsapp";
                scheduled: number;
                pending: number;
                sent: number;
                delivered: number;
                opened: number;
                clicked: number;
                failed: number;
                bounced: number;
                unsubscribed: number;
                suppressed: number;
                cancelled: number;
                unknown: number;
                /** @description Held past their `expiresAfter` (an outage, a pause, quiet hours): never sent */
                expired: number;
                answered: number;
                /** @description Suppressed touchpoints by reason */
                suppressedBy: {
                    [key: string]: number;
                };
                /** @description Goal events attributed */
                conversions: number;
                /** @description Touchpoints that converted */
                converted: number;
                /** @description A fraction from 0 to 1; null when there is nothing to divide by */
                conversionRate: number | null;
            } | {
                stepId: string;
                /** @enum {string} */
                type: "wait" | "wait_for_event" | "wait_for_attribute" | "branch" | "split" | "update_attributes" | "webhook" | "exit";
                entered: number;
            })[];
            variants: {
                variant: string;
                enrolled: number;
                active: number;
                exited: number;
                completed: number;
                converted: number;
                /** @description A fraction from 0 to 1; null when there is nothing to divide by */
                conversionRate: number | null;
                touchpoints: {
                    scheduled: number;
                    pending: number;
                    sent: number;
                    delivered: number;
                    opened: number;
                    clicked: number;
                    failed: number;
                    bounced: number;
                    unsubscribed: number;
                    suppressed: number;
                    cancelled: number;
                    unknown: number;
                    /** @description Held past their `expiresAfter` (an outage, a pause, quiet hours): never sent */
                    expired: number;
                    answered: number;
                    /** @description Suppressed touchpoints by reason */
                    suppressedBy: {
                        [key: string]: number;
                    };
                };
                attributed: {
                    /** @description Goal events attributed */
                    conversions: number;
                    /** @description Touchpoints that converted */
                    converted: number;
                };
            }[];
            conversions: {
                goal: {
                    /** @description Conversion event name. */
                    event: string;
                    /** @description Attribution window after a touchpoint, ISO-8601. */
                    within: string;
                };
                attributed: number;
                touchpointsConverted: number;
                treated: {
                    enrolled: number;
                    converted: number;
                    /** @description A fraction from 0 to 1; null when there is nothing to divide by */
                    rate: number | null;
                };
                holdout: {
                    enrolled: number;
                    converted: number;
                    /** @description A fraction from 0 to 1; null when there is nothing to divide by */
                    rate: number | null;
                };
                lift: {
                    absolute: number;
                    relative: number | null;
                } | null;
            } | {
                goal: null;
            };
            nps: {
                responses: number;
                promoters: number;
                passives: number;
                detractors: number;
                /** @description -100 to 100; null without responses */
                score: number | null;
            };
            /** @enum {string} */
            interval: "day" | "week" | "month";
            series: {
                scheduled: number;
                pending: number;
                sent: number;
                delivered: number;
                opened: number;
                clicked: number;
                failed: number;
                bounced: number;
                unsubscribed: number;
                suppressed: number;
                cancelled: number;
                unknown: number;
                /** @description Held past their `expiresAfter` (an outage, a pause, quiet hours): never sent */
                expired: number;
                answered: number;
                /**
                 * Format: date-time
                 * @description Start of the period (UTC)
                 */
                period: string;
                channel: string;
            }[];
            /** @description Conversions beside the holdout; null without a goal */
            significance: {
                control: {
                    n: number;
                    converted: number;
                };
                treated: {
                    /** @description A fraction from 0 to 1; null when there is nothing to divide by */
                    rate: number | null;
                    /** @description A fraction from 0 to 1; null when there is nothing to divide by */
                    controlRate: number | null;
                    /** @description rate − controlRate */
                    lift: number | null;
                    /** @description lift / controlRate */
                    relativeLift: number | null;
                    /** @description 95 % confidence interval of the lift */
                    ci95: [
                        number,
                        number
                    ] | null;
                    z: number | null;
                    /** @description Two-sided, two-proportion z-test against the holdout */
                    pValue: number | null;
                    /** @description pValue < 0.05 */
                    significant: boolean;
                };
                variants: {
                    /** @description A fraction from 0 to 1; null when there is nothing to divide by */
                    rate: number | null;
                    /** @description A fraction from 0 to 1; null when there is nothing to divide by */
                    controlRate: number | null;
                    /** @description rate − controlRate */
                    lift: number | null;
                    /** @description lift / controlRate */
                    relativeLift: number | null;
                    /** @description 95 % confidence interval of the lift */
                    ci95: [
                        number,
                        number
                    ] | null;
                    z: number | null;
                    /** @description Two-sided, two-proportion z-test against the holdout */
                    pValue: number | null;
                    /** @description pValue < 0.05 */
                    significant: boolean;
                    variant: string;
                }[];
            } | null;
        };
        ReportSeries: {
            /** Format: date-time */
            from: string;
            /** Format: date-time */
            to: string;
            /** @enum {string} */
            interval: "day" | "week" | "month";
            /** @description Per period and channel, by the day the touchpoint was created */
            items: {
                scheduled: number;
                pending: number;
                sent: number;
                delivered: number;
                opened: number;
                clicked: number;
                failed: number;
                bounced: number;
                unsubscribed: number;
                suppressed: number;
                cancelled: number;
                unknown: number;
                /** @description Held past their `expiresAfter` (an outage, a pause, quiet hours): never sent */
                expired: number;
                answered: number;
                /**
                 * Format: date-time
                 * @description Start of the period (UTC)
                 */
                period: string;
                channel: string;
            }[];
        };
        FailureReasons: {
            /** Format: date-time */
            from: string;
            /** Format: date-time */
            to: string;
            items: {
                channel: string;
                /** @description The provider’s error code (Twilio 30003, …) or our own reason */
                reason: string | null;
                count: number;
                /** @description Who answered, in the newest such failure */
                provider: string | null;
                /** @description What the provider said, in the newest such failure */
                message: string | null;
            }[];
        };
        Overview: {
            /** Format: date-time */
            from: string;
            /** Format: date-time */
            to: string;
            /** @enum {string} */
            interval: "day" | "week" | "month";
            touchpoints: {
                scheduled: number;
                pending: number;
                sent: number;
                delivered: number;
                opened: number;
                clicked: number;
                failed: number;
                bounced: number;
                unsubscribed: number;
                suppressed: number;
                cancelled: number;
                unknown: number;
                /** @description Held past their `expiresAfter` (an outage, a pause, quiet hours): never sent */
                expired: number;
                answered: number;
            };
            /** @description A fraction from 0 to 1; null when there is nothing to divide by */
            deliveryRate: number | null;
            /** @description Sends handed to a provider whose outcome is unknown (never re-sent on their own) */
            unknown: number;
            byChannel: {
                [key: string]: {
                    scheduled: number;
                    pending: number;
                    sent: number;
                    delivered: number;
                    opened: number;
                    clicked: number;
                    failed: number;
                    bounced: number;
                    unsubscribed: number;
                    suppressed: number;
                    cancelled: number;
                    unknown: number;
                    /** @description Held past their `expiresAfter` (an outage, a pause, quiet hours): never sent */
                    expired: number;
                    answered: number;
                };
            };
            series: {
                scheduled: number;
                pending: number;
                sent: number;
                delivered: number;
                opened: number;
                clicked: number;
                failed: number;
                bounced: number;
                unsubscribed: number;
                suppressed: number;
                cancelled: number;
                unknown: number;
                /** @description Held past their `expiresAfter` (an outage, a pause, quiet hours): never sent */
                expired: number;
                answered: number;
                /**
                 * Format: date-time
                 * @description Start of the period (UTC)
                 */
                period: string;
                channel: string;
            }[];
            /** @description The ten most frequent */
            failures: {
                channel: string;
                /** @description The provider’s error code (Twilio 30003, …) or our own reason */
                reason: string | null;
                count: number;
                /** @description Who answered, in the newest such failure */
                provider: string | null;
                /** @description What the provider said, in the newest such failure */
                message: string | null;
            }[];
            queues: {
                queue: string;
                waiting: number;
                active: number;
                delayed: number;
                failed: number;
            }[];
        };
        SurveyAnswers: {
            items: {
                /** Format: uuid */
                id: string;
                customerId: string;
                journeyId: string | null;
                journeyName: string | null;
                stage: ("awareness" | "consideration" | "decision" | "purchase" | "retention" | "advocacy") | null;
                stepId: string | null;
                /** @description The channel of the message that carried the survey link */
                channel: string | null;
                /** @description The touchpoint that carried the survey link */
                carrierId: string | null;
                score: number;
                comment: string | null;
                /** Format: date-time */
                createdAt: string;
            }[];
            nextCursor: string | null;
        };
        StageAnalytics: {
            /** Format: date-time */
            from: string;
            /** Format: date-time */
            to: string;
            stages: {
                touchpoints: number;
                sent: number;
                delivered: number;
                engaged: number;
                converted: number;
                /** @description A fraction from 0 to 1; null when there is nothing to divide by */
                deliveryRate: number | null;
                /** @description A fraction from 0 to 1; null when there is nothing to divide by */
                engagementRate: number | null;
                /** @description A fraction from 0 to 1; null when there is nothing to divide by */
                conversionRate: number | null;
                survey: {
                    responses: number;
                    promoters: number;
                    passives: number;
                    detractors: number;
                    /** @description -100 to 100; null without responses */
                    score: number | null;
                    average: number | null;
                };
                stage: ("awareness" | "consideration" | "decision" | "purchase" | "retention" | "advocacy") | null;
                channels: {
                    touchpoints: number;
                    sent: number;
                    delivered: number;
                    engaged: number;
                    converted: number;
                    /** @description A fraction from 0 to 1; null when there is nothing to divide by */
                    deliveryRate: number | null;
                    /** @description A fraction from 0 to 1; null when there is nothing to divide by */
                    engagementRate: number | null;
                    /** @description A fraction from 0 to 1; null when there is nothing to divide by */
                    conversionRate: number | null;
                    survey: {
                        responses: number;
                        promoters: number;
                        passives: number;
                        detractors: number;
                        /** @description -100 to 100; null without responses */
                        score: number | null;
                        average: number | null;
                    };
                    channel: string;
                }[];
            }[];
            weakest: {
                /** @description The stage and channel with the lowest engagement among those with `minVolume` delivered */
                engagement: {
                    stage: ("awareness" | "consideration" | "decision" | "purchase" | "retention" | "advocacy") | null;
                    channel: string;
                    rate: number;
                    delivered: number;
                    /** @description Where to read the rows behind the figure */
                    log: {
                        /** @description The touchpoint log filters that show these rows */
                        filters: {
                            [key: string]: string;
                        };
                        /** @description `/v1/touchpoints?…` with those filters */
                        path: string;
                    };
                } | null;
                /** @description The stage and channel with the lowest NPS among those with `minResponses` answers */
                nps: {
                    stage: ("awareness" | "consideration" | "decision" | "purchase" | "retention" | "advocacy") | null;
                    channel: string;
                    score: number;
                    responses: number;
                    /** @description Where to read the rows behind the figure */
                    log: {
                        /** @description The touchpoint log filters that show these rows */
                        filters: {
                            [key: string]: string;
                        };
                        /** @description `/v1/touchpoints?…` with those filters */
                        path: string;
                    };
                } | null;
            };
        };
        NpsSeries: {
            /** Format: date-time */
            from: string;
            /** Format: date-time */
            to: string;
            /** @enum {string} */
            interval: "day" | "week" | "month";
            items: {
                responses: number;
                promoters: number;
                passives: number;
                detractors: number;
                /** @description -100 to 100; null without responses */
                score: number | null;
                /** Format: date-time */
                period: string;
            }[];
        };
        JourneyMap: {
            customerId: string;
            /** @description Each channel’s consent now; null: never given nor refused */
            consent: {
                sms: boolean | null;
                email: boolean | null;
                push: boolean | null;
                whatsapp: boolean | null;
            };
            stages: {
                stage: ("awareness" | "consideration" | "decision" | "purchase" | "retention" | "advocacy") | null;
                /** Format: date-time */
                firstAt: string;
                /** Format: date-time */
                lastAt: string;
                touchpoints: number;
                events: number;
                outcomes: {
                    [key: string]: number;
                };
                converted: number;
                items: ({
                    /** @constant */
                    type: "touchpoint";
                    /** Format: date-time */
                    at: string;
                    stage: ("awareness" | "consideration" | "decision" | "purchase" | "retention" | "advocacy") | null;
                    /** Format: uuid */
                    id: string;
                    journeyId: string | null;
                    journeyName: string | null;
                    journeyVersion: number | null;
                    stepId: string | null;
                    /** @enum {string} */
                    channel: "sms" | "email" | "push" | "whatsapp" | "survey" | "webhook";
                    to: string | null;
                    /** @description The SMS body, email subject or push title; masked for analysts */
                    text: string | null;
                    /** @enum {string} */
                    status: "scheduled" | "sending" | "sent" | "delivered" | "failed" | "bounced" | "opened" | "clicked" | "unsubscribed" | "suppressed" | "unknown" | "cancelled" | "answered" | "expired";
                    /** @description How far it got: clicked, opened, delivered, sent, or its own status */
                    outcome: string;
                    error: string | null;
                    scheduledFor: string | null;
                    sentAt: string | null;
                    deliveredAt: string | null;
                    events: {
                        /** @enum {string} */
                        status: "scheduled" | "sending" | "sent" | "delivered" | "failed" | "bounced" | "opened" | "clicked" | "unsubscribed" | "suppressed" | "unknown" | "cancelled" | "answered" | "expired";
                        /** Format: date-time */
                        at: string;
                    }[];
                    survey: {
                        score: number | null;
                        comment: string | null;
                        /** Format: date-time */
                        at: string;
                    } | null;
                    conversion: {
                        eventId: string;
                        name: string;
                        /** Format: date-time */
                        at: string;
                    } | null;
                } | {
                    /** @constant */
                    type: "event";
                    /** Format: date-time */
                    at: string;
                    stage: ("awareness" | "consideration" | "decision" | "purchase" | "retention" | "advocacy") | null;
                    id: string;
                    name: string;
                    properties: {
                        [key: string]: unknown;
                    };
                    triggered: {
                        /** Format: uuid */
                        journeyId: string;
                        journeyName: string | null;
                    } | null;
                    converted: {
                        /** Format: uuid */
                        touchpointId: string;
                        /** Format: uuid */
                        journeyId: string;
                    }[];
                })[];
            }[];
            timeline: {
                /** @enum {string} */
                type: "touchpoint" | "event";
                id: string;
                /** Format: date-time */
                at: string;
                stage: ("awareness" | "consideration" | "decision" | "purchase" | "retention" | "advocacy") | null;
            }[];
        };
        SurveyAnswerDto: {
            /** @description 0 (not at all likely) to 10 (extremely likely) */
            score: number;
            comment?: string;
        };
        SurveyAnswered: {
            /**
             * Format: uuid
             * @description The answer’s touchpoint
             */
            id: string;
            score: number;
            comment: string | null;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    ApiKeysController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The keys, revoked ones included */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyList"];
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Allowed roles: admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This key or session spent its requests of this class (ingest, writes, reads) for the minute: wait `Retry-After` seconds. `RateLimit` and `RateLimit-Policy` say how much is left. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description What is left in the current window */
                    RateLimit?: string;
                    /** @description The limit and its window */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database (or the queue) is unavailable: nothing is lost, try again after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiKeysController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateApiKeyDto"];
            };
        };
        responses: {
            /** @description The key, shown this once */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedApiKey"];
                };
            };
            /** @description Invalid input: `errors` names each field; nothing was written */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Allowed roles: admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This key or session spent its requests of this class (ingest, writes, reads) for the minute: wait `Retry-After` seconds. `RateLimit` and `RateLimit-Policy` say how much is left. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description What is left in the current window */
                    RateLimit?: string;
                    /** @description The limit and its window */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database (or the queue) is unavailable: nothing is lost, try again after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiKeysController_rotate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RotateApiKeyDto"];
            };
        };
        responses: {
            /** @description The new key, shown this once */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RotatedApiKey"];
                };
            };
            /** @description Invalid input: `errors` names each field; nothing was written */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Allowed roles: admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such key, or it is revoked or expired */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This key or session spent its requests of this class (ingest, writes, reads) for the minute: wait `Retry-After` seconds. `RateLimit` and `RateLimit-Policy` say how much is left. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description What is left in the current window */
                    RateLimit?: string;
                    /** @description The limit and its window */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database (or the queue) is unavailable: nothing is lost, try again after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiKeysController_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Allowed roles: admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This key or session spent its requests of this class (ingest, writes, reads) for the minute: wait `Retry-After` seconds. `RateLimit` and `RateLimit-Policy` say how much is left. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description What is left in the current window */
                    RateLimit?: string;
                    /** @description The limit and its window */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database (or the queue) is unavailable: nothing is lost, try again after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    AuditController_list: {
        parameters: {
            query?: {
                /** @description `journey.published`, `api_key.revoked`, `customer.erased`… */
                action?: string;
                /** @description Changes made with this API key (or its console sessions) */
                actorKeyId?: string;
                targetType?: "journey" | "api_key" | "customer" | "settings";
                /** @description An erased customer is `sha256:<hex of the customer id>` */
                targetId?: string;
                from?: string;
                to?: string;
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of the trail */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditPage"];
                };
            };
            /** @description Invalid input: `errors` names each field; nothing was written */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Allowed roles: admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This key or session spent its requests of this class (ingest, writes, reads) for the minute: wait `Retry-After` seconds. `RateLimit` and `RateLimit-Policy` say how much is left. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description What is left in the current window */
                    RateLimit?: string;
                    /** @description The limit and its window */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database (or the queue) is unavailable: nothing is lost, try again after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    CustomersController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                customerId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The customer */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Customer"];
                };
            };
            /** @description Invalid input: `errors` names each field; nothing was written */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Allowed roles: admin, marketer, analyst */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This key or session spent its requests of this class (ingest, writes, reads) for the minute: wait `Retry-After` seconds. `RateLimit` and `RateLimit-Policy` say how much is left. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description What is left in the current window */
                    RateLimit?: string;
                    /** @description The limit and its window */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database (or the queue) is unavailable: nothing is lost, try again after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    CustomersController_put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                customerId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CustomerBodyDto"];
            };
        };
        responses: {
            /** @description The stored customer */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Customer"];
                };
            };
            /** @description Invalid input: `errors` names each field; nothing was written */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Allowed roles: admin, marketer, ingest */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This key or session spent its requests of this class (ingest, writes, reads) for the minute: wait `Retry-After` seconds. `RateLimit` and `RateLimit-Policy` say how much is left. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description What is left in the current window */
                    RateLimit?: string;
                    /** @description The limit and its window */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database (or the queue) is unavailable: nothing is lost, try again after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    CustomerInsightsController_erase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                customerId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Erased */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: `errors` names each field; nothing was written */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Allowed roles: admin, marketer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This key or session spent its requests of this class (ingest, writes, reads) for the minute: wait `Retry-After` seconds. `RateLimit` and `RateLimit-Policy` say how much is left. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description What is left in the current window */
                    RateLimit?: string;
                    /** @description The limit and its window */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database (or the queue) is unavailable: nothing is lost, try again after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    CustomersController_search: {
        parameters: {
            query: {
                /** @description The start of an id, an email address or a phone number */
                search: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The matches, by id */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerSearch"];
                };
            };
            /** @description Invalid input: `errors` names each field; nothing was written */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Allowed roles: admin, marketer, analyst */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This key or session spent its requests of this class (ingest, writes, reads) for the minute: wait `Retry-After` seconds. `RateLimit` and `RateLimit-Policy` say how much is left. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description What is left in the current window */
                    RateLimit?: string;
                    /** @description The limit and its window */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database (or the queue) is unavailable: nothing is lost, try again after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    CustomersController_touchpointsOf: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path: {
                customerId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The touchpoints, oldest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TouchpointList"];
                };
            };
            /** @description Invalid input: `errors` names each field; nothing was written */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Allowed roles: admin, marketer, analyst */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This key or session spent its requests of this class (ingest, writes, reads) for the minute: wait `Retry-After` seconds. `RateLimit` and `RateLimit-Policy` say how much is left. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description What is left in the current window */
                    RateLimit?: string;
                    /** @description The limit and its window */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database (or the queue) is unavailable: nothing is lost, try again after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    EventsController_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EventsBody"];
            };
        };
        responses: {
            /** @description Stored durably; duplicates counted and dropped */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventsAccepted"];
                };
            };
            /** @description Invalid input: `errors` names each field; nothing was written */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Allowed roles: admin, marketer, ingest */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This key or session spent its requests of this class (ingest, writes, reads) for the minute: wait `Retry-After` seconds. `RateLimit` and `RateLimit-Policy` say how much is left. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description What is left in the current window */
                    RateLimit?: string;
                    /** @description The limit and its window */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database (or the queue) is unavailable: nothing is lost, try again after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    JourneysController_list: {
        parameters: {
            query?: {
                status?: "active" | "paused" | "archived";
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The journeys */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JourneyList"];
                };
            };
            /** @description Invalid input: `errors` names each field; nothing was written */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Allowed roles: admin, marketer, analyst */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This key or session spent its requests of this class (ingest, writes, reads) for the minute: wait `Retry-After` seconds. `RateLimit` and `RateLimit-Policy` say how much is left. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description What is left in the current window */
                    RateLimit?: string;
                    /** @description The limit and its window */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database (or the queue) is unavailable: nothing is lost, try again after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    JourneysController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["JourneyDefinitionDto"];
            };
        };
        responses: {
            /** @description The journey, active at version 1 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Journey"];
                };
            };
            /** @description Invalid input: `errors` names each field; nothing was written */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Allowed roles: admin, marketer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Another live journey has this name */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This key or session spent its requests of this class (ingest, writes, reads) for the minute: wait `Retry-After` seconds. `RateLimit` and `RateLimit-Policy` say how much is left. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description What is left in the current window */
                    RateLimit?: string;
                    /** @description The limit and its window */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database (or the queue) is unavailable: nothing is lost, try again after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    JourneysController_validate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["JourneyDefinitionDto"];
            };
        };
        responses: {
            /** @description The journey could be saved as it is */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JourneyValid"];
                };
            };
            /** @description Invalid input: `errors` names each field; nothing was written */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Allowed roles: admin, marketer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This key or session spent its requests of this class (ingest, writes, reads) for the minute: wait `Retry-After` seconds. `RateLimit` and `RateLimit-Policy` say how much is left. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description What is left in the current window */
                    RateLimit?: string;
                    /** @description The limit and its window */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database (or the queue) is unavailable: nothing is lost, try again after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    JourneysController_summary: {
        parameters: {
            query?: {
                /** @description At or after (ISO-8601); default 7 days before `to`. */
                from?: string;
                /** @description Before (ISO-8601); default now. */
                to?: string;
                status?: "active" | "paused" | "archived";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The journeys with their numbers */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JourneySummary"];
                };
            };
            /** @description Invalid input: `errors` names each field; nothing was written */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Allowed roles: admin, marketer, analyst */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This key or session spent its requests of this class (ingest, writes, reads) for the minute: wait `Retry-After` seconds. `RateLimit` and `RateLimit-Policy` say how much is left. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description What is left in the current window */
                    RateLimit?: string;
                    /** @description The limit and its window */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database (or the queue) is unavailable: nothing is lost, try again after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    JourneysController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The journey */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Journey"];
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Allowed roles: admin, marketer, analyst */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This key or session spent its requests of this class (ingest, writes, reads) for the minute: wait `Retry-After` seconds. `RateLimit` and `RateLimit-Policy` say how much is left. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description What is left in the current window */
                    RateLimit?: string;
                    /** @description The limit and its window */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database (or the queue) is unavailable: nothing is lost, try again after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    JourneysController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["JourneyDefinitionDto"];
            };
        };
        responses: {
            /** @description The journey at its new version */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Journey"];
                };
            };
            /** @description Invalid input: `errors` names each field; nothing was written */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Allowed roles: admin, marketer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Another live journey has this name, or the journey is archived */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This key or session spent its requests of this class (ingest, writes, reads) for the minute: wait `Retry-After` seconds. `RateLimit` and `RateLimit-Policy` say how much is left. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description What is left in the current window */
                    RateLimit?: string;
                    /** @description The limit and its window */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database (or the queue) is unavailable: nothing is lost, try again after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    JourneysController_archive: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The archived journey */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Journey"];
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Allowed roles: admin, marketer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The journey is already archived */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This key or session spent its requests of this class (ingest, writes, reads) for the minute: wait `Retry-After` seconds. `RateLimit` and `RateLimit-Policy` say how much is left. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description What is left in the current window */
                    RateLimit?: string;
                    /** @description The limit and its window */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database (or the queue) is unavailable: nothing is lost, try again after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    JourneysController_pause: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The paused journey */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Journey"];
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Allowed roles: admin, marketer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The journey is archived */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This key or session spent its requests of this class (ingest, writes, reads) for the minute: wait `Retry-After` seconds. `RateLimit` and `RateLimit-Policy` say how much is left. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description What is left in the current window */
                    RateLimit?: string;
                    /** @description The limit and its window */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database (or the queue) is unavailable: nothing is lost, try again after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    JourneysController_resume: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The active journey */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Journey"];
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Allowed roles: admin, marketer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The journey is archived */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This key or session spent its requests of this class (ingest, writes, reads) for the minute: wait `Retry-After` seconds. `RateLimit` and `RateLimit-Policy` say how much is left. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description What is left in the current window */
                    RateLimit?: string;
                    /** @description The limit and its window */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database (or the queue) is unavailable: nothing is lost, try again after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    JourneysController_history: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The changes, oldest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JourneyHistory"];
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Allowed roles: admin, marketer, analyst */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This key or session spent its requests of this class (ingest, writes, reads) for the minute: wait `Retry-After` seconds. `RateLimit` and `RateLimit-Policy` say how much is left. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description What is left in the current window */
                    RateLimit?: string;
                    /** @description The limit and its window */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database (or the queue) is unavailable: nothing is lost, try again after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    JourneysController_simulate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SimulationBodyDto"];
            };
        };
        responses: {
            /** @description What would happen, step by step */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Simulation"];
                };
            };
            /** @description Invalid input: `errors` names each field; nothing was written */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Allowed roles: admin, marketer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This key or session spent its requests of this class (ingest, writes, reads) for the minute: wait `Retry-After` seconds. `RateLimit` and `RateLimit-Policy` say how much is left. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description What is left in the current window */
                    RateLimit?: string;
                    /** @description The limit and its window */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database (or the queue) is unavailable: nothing is lost, try again after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    JourneyEntriesController_enroll: {
        parameters: {
            query?: never;
            header?: {
                /** @description A key of your choosing (1 to 255 printable ASCII characters) that makes a retry safe: the same key for the same journey answers the first response (with `Idempotent-Replayed: true`) for 24 hours; the same key with other customers is a 409. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EnrollmentsBodyDto"];
            };
        };
        responses: {
            /** @description What happened for each customer */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnrollmentsResult"];
                };
            };
            /** @description Invalid input: `errors` names each field; nothing was written */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Allowed roles: admin, marketer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The journey is paused or archived, or the Idempotency-Key was used for other customers */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This key or session spent its requests of this class (ingest, writes, reads) for the minute: wait `Retry-After` seconds. `RateLimit` and `RateLimit-Policy` say how much is left. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description What is left in the current window */
                    RateLimit?: string;
                    /** @description The limit and its window */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database (or the queue) is unavailable: nothing is lost, try again after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    JourneyEntriesController_startBroadcast: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BroadcastBodyDto"];
            };
        };
        responses: {
            /** @description The broadcast, running */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Broadcast"];
                };
            };
            /** @description Invalid input: `errors` names each field; nothing was written */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Allowed roles: admin, marketer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The journey is archived */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This key or session spent its requests of this class (ingest, writes, reads) for the minute: wait `Retry-After` seconds. `RateLimit` and `RateLimit-Policy` say how much is left. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description What is left in the current window */
                    RateLimit?: string;
                    /** @description The limit and its window */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database (or the queue) is unavailable: nothing is lost, try again after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    JourneyEntriesController_getBroadcast: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                broadcastId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The broadcast */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Broadcast"];
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Allowed roles: admin, marketer, analyst */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This key or session spent its requests of this class (ingest, writes, reads) for the minute: wait `Retry-After` seconds. `RateLimit` and `RateLimit-Policy` say how much is left. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description What is left in the current window */
                    RateLimit?: string;
                    /** @description The limit and its window */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database (or the queue) is unavailable: nothing is lost, try again after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    JourneyEntriesController_cancelBroadcast: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                broadcastId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The cancelled broadcast */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Broadcast"];
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Allowed roles: admin, marketer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The broadcast already ended */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This key or session spent its requests of this class (ingest, writes, reads) for the minute: wait `Retry-After` seconds. `RateLimit` and `RateLimit-Policy` say how much is left. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description What is left in the current window */
                    RateLimit?: string;
                    /** @description The limit and its window */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database (or the queue) is unavailable: nothing is lost, try again after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    JourneyConsoleController_getDraft: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The draft */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JourneyDraft"];
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Allowed roles: admin, marketer, analyst */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This key or session spent its requests of this class (ingest, writes, reads) for the minute: wait `Retry-After` seconds. `RateLimit` and `RateLimit-Policy` say how much is left. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description What is left in the current window */
                    RateLimit?: string;
                    /** @description The limit and its window */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database (or the queue) is unavailable: nothing is lost, try again after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    JourneyConsoleController_saveDraft: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DraftBodyDto"];
            };
        };
        responses: {
            /** @description The draft as saved */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JourneyDraft"];
                };
            };
            /** @description Invalid input: `errors` names each field; nothing was written */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Allowed roles: admin, marketer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The journey is archived */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This key or session spent its requests of this class (ingest, writes, reads) for the minute: wait `Retry-After` seconds. `RateLimit` and `RateLimit-Policy` say how much is left. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description What is left in the current window */
                    RateLimit?: string;
                    /** @description The limit and its window */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database (or the queue) is unavailable: nothing is lost, try again after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    JourneyConsoleController_discardDraft: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Discarded */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Allowed roles: admin, marketer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This key or session spent its requests of this class (ingest, writes, reads) for the minute: wait `Retry-After` seconds. `RateLimit` and `RateLimit-Policy` say how much is left. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description What is left in the current window */
                    RateLimit?: string;
                    /** @description The limit and its window */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database (or the queue) is unavailable: nothing is lost, try again after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    JourneyConsoleController_publish: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The journey at its new version */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Journey"];
                };
            };
            /** @description The draft does not validate: `errors` has paths into the definition; the draft is kept */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Allowed roles: admin, marketer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Another version was published since the draft’s baseVersion, or the journey is archived */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This key or session spent its requests of this class (ingest, writes, reads) for the minute: wait `Retry-After` seconds. `RateLimit` and `RateLimit-Policy` say how much is left. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description What is left in the current window */
                    RateLimit?: string;
                    /** @description The limit and its window */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database (or the queue) is unavailable: nothing is lost, try again after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    JourneyConsoleController_version: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                version: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The version */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JourneyVersion"];
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Allowed roles: admin, marketer, analyst */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This key or session spent its requests of this class (ingest, writes, reads) for the minute: wait `Retry-After` seconds. `RateLimit` and `RateLimit-Policy` say how much is left. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description What is left in the current window */
                    RateLimit?: string;
                    /** @description The limit and its window */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database (or the queue) is unavailable: nothing is lost, try again after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    JourneyConsoleController_stepStats: {
        parameters: {
            query?: {
                /** @description At or after (ISO-8601); default 7 days before `to`. */
                from?: string;
                /** @description Before (ISO-8601); default now. */
                to?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description By step id */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JourneyStepStats"];
                };
            };
            /** @description Invalid input: `errors` names each field; nothing was written */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Allowed roles: admin, marketer, analyst */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This key or session spent its requests of this class (ingest, writes, reads) for the minute: wait `Retry-After` seconds. `RateLimit` and `RateLimit-Policy` say how much is left. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description What is left in the current window */
                    RateLimit?: string;
                    /** @description The limit and its window */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database (or the queue) is unavailable: nothing is lost, try again after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    JourneyConsoleController_lifecyclePreview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LifecyclePreview"];
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Allowed roles: admin, marketer, analyst */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This key or session spent its requests of this class (ingest, writes, reads) for the minute: wait `Retry-After` seconds. `RateLimit` and `RateLimit-Policy` say how much is left. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description What is left in the current window */
                    RateLimit?: string;
                    /** @description The limit and its window */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database (or the queue) is unavailable: nothing is lost, try again after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    TouchpointsController_list: {
        parameters: {
            query?: {
                journeyId?: string;
                /** @description Needs journeyId: versions are numbered per journey. */
                journeyVersion?: number;
                /** @description Needs journeyId: step ids are named per journey. */
                stepId?: string;
                customerId?: string;
                channel?: "sms" | "email" | "push" | "whatsapp" | "survey" | "webhook";
                status?: "scheduled" | "sending" | "sent" | "delivered" | "failed" | "bounced" | "opened" | "clicked" | "unsubscribed" | "suppressed" | "unknown" | "cancelled" | "answered" | "expired";
                stage?: "awareness" | "consideration" | "decision" | "purchase" | "retention" | "advocacy";
                /** @description Created at or after (ISO-8601). */
                from?: string;
                /** @description Created before (ISO-8601). */
                to?: string;
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of the log */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TouchpointPage"];
                };
            };
            /** @description Invalid input: `errors` names each field; nothing was written */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Allowed roles: admin, marketer, analyst */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This key or session spent its requests of this class (ingest, writes, reads) for the minute: wait `Retry-After` seconds. `RateLimit` and `RateLimit-Policy` say how much is left. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description What is left in the current window */
                    RateLimit?: string;
                    /** @description The limit and its window */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database (or the queue) is unavailable: nothing is lost, try again after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    TouchpointsController_export: {
        parameters: {
            query?: {
                journeyId?: string;
                /** @description Needs journeyId: versions are numbered per journey. */
                journeyVersion?: number;
                /** @description Needs journeyId: step ids are named per journey. */
                stepId?: string;
                customerId?: string;
                channel?: "sms" | "email" | "push" | "whatsapp" | "survey" | "webhook";
                status?: "scheduled" | "sending" | "sent" | "delivered" | "failed" | "bounced" | "opened" | "clicked" | "unsubscribed" | "suppressed" | "unknown" | "cancelled" | "answered" | "expired";
                stage?: "awareness" | "consideration" | "decision" | "purchase" | "retention" | "advocacy";
                /** @description Created at or after (ISO-8601). */
                from?: string;
                /** @description Created before (ISO-8601). */
                to?: string;
                format?: "csv" | "ndjson";
                /** @description Start the CSV with a UTF-8 byte order mark, for spreadsheet programs. */
                bom?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rows, streamed: CSV with a header line, or one JSON touchpoint a line */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                    "application/x-ndjson": string;
                };
            };
            /** @description Invalid input: `errors` names each field; nothing was written */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Allowed roles: admin, marketer, analyst */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This key or session spent its requests of this class (ingest, writes, reads) for the minute: wait `Retry-After` seconds. `RateLimit` and `RateLimit-Policy` say how much is left. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description What is left in the current window */
                    RateLimit?: string;
                    /** @description The limit and its window */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database (or the queue) is unavailable: nothing is lost, try again after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    TouchpointsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The touchpoint */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TouchpointDetail"];
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Allowed roles: admin, marketer, analyst */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This key or session spent its requests of this class (ingest, writes, reads) for the minute: wait `Retry-After` seconds. `RateLimit` and `RateLimit-Policy` say how much is left. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description What is left in the current window */
                    RateLimit?: string;
                    /** @description The limit and its window */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database (or the queue) is unavailable: nothing is lost, try again after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    SandboxController_list: {
        parameters: {
            query?: {
                channel?: "sms" | "email" | "push" | "whatsapp";
                to?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The messages, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SandboxMessages"];
                };
            };
            /** @description Invalid input: `errors` names each field; nothing was written */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Allowed roles: admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This key or session spent its requests of this class (ingest, writes, reads) for the minute: wait `Retry-After` seconds. `RateLimit` and `RateLimit-Policy` say how much is left. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description What is left in the current window */
                    RateLimit?: string;
                    /** @description The limit and its window */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database (or the queue) is unavailable: nothing is lost, try again after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    SettingsController_getFrequencyCaps: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caps */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FrequencyCaps"];
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Allowed roles: admin, marketer, analyst */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This key or session spent its requests of this class (ingest, writes, reads) for the minute: wait `Retry-After` seconds. `RateLimit` and `RateLimit-Policy` say how much is left. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description What is left in the current window */
                    RateLimit?: string;
                    /** @description The limit and its window */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database (or the queue) is unavailable: nothing is lost, try again after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    SettingsController_putFrequencyCaps: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FrequencyCapsDto"];
            };
        };
        responses: {
            /** @description The caps now in force */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FrequencyCaps"];
                };
            };
            /** @description Invalid input: `errors` names each field; nothing was written */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Allowed roles: admin, marketer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This key or session spent its requests of this class (ingest, writes, reads) for the minute: wait `Retry-After` seconds. `RateLimit` and `RateLimit-Policy` say how much is left. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description What is left in the current window */
                    RateLimit?: string;
                    /** @description The limit and its window */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database (or the queue) is unavailable: nothing is lost, try again after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    SettingsController_listChannels: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One entry per channel */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChannelSettings"];
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Allowed roles: admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This key or session spent its requests of this class (ingest, writes, reads) for the minute: wait `Retry-After` seconds. `RateLimit` and `RateLimit-Policy` say how much is left. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description What is left in the current window */
                    RateLimit?: string;
                    /** @description The limit and its window */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database (or the queue) is unavailable: nothing is lost, try again after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    SettingsController_checkChannel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                channel: "sms" | "email" | "push" | "whatsapp";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The provider's answer */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CredentialCheck"];
                };
            };
            /** @description Invalid input: `errors` names each field; nothing was written */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Allowed roles: admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This key or session spent its requests of this class (ingest, writes, reads) for the minute: wait `Retry-After` seconds. `RateLimit` and `RateLimit-Policy` say how much is left. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description What is left in the current window */
                    RateLimit?: string;
                    /** @description The limit and its window */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database (or the queue) is unavailable: nothing is lost, try again after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    SessionController_current: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The live session (with its CSRF token) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionDto_Output"];
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Allowed roles: admin, marketer, analyst */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This key or session spent its requests of this class (ingest, writes, reads) for the minute: wait `Retry-After` seconds. `RateLimit` and `RateLimit-Policy` say how much is left. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description What is left in the current window */
                    RateLimit?: string;
                    /** @description The limit and its window */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database (or the queue) is unavailable: nothing is lost, try again after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    SessionController_signIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignInDto"];
            };
        };
        responses: {
            /** @description Signed in; the tp_session cookie is set */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionDto_Output"];
                };
            };
            /** @description Invalid input: `errors` names each field; nothing was written */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The key is unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An ingest key cannot sign in */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database (or the queue) is unavailable: nothing is lost, try again after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    SessionController_signOut: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed out */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Allowed roles: admin, marketer, analyst */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This key or session spent its requests of this class (ingest, writes, reads) for the minute: wait `Retry-After` seconds. `RateLimit` and `RateLimit-Policy` say how much is left. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description What is left in the current window */
                    RateLimit?: string;
                    /** @description The limit and its window */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database (or the queue) is unavailable: nothing is lost, try again after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    TemplatesController_preview: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TemplatePreviewBodyDto"];
            };
        };
        responses: {
            /** @description The rendered message */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TemplatePreview"];
                };
            };
            /** @description Invalid input: `errors` names each field; nothing was written */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Allowed roles: admin, marketer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This key or session spent its requests of this class (ingest, writes, reads) for the minute: wait `Retry-After` seconds. `RateLimit` and `RateLimit-Policy` say how much is left. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description What is left in the current window */
                    RateLimit?: string;
                    /** @description The limit and its window */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database (or the queue) is unavailable: nothing is lost, try again after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    TemplatesController_testSend: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TestSendBodyDto"];
            };
        };
        responses: {
            /** @description What was sent, and how */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TestSend"];
                };
            };
            /** @description Invalid input: `errors` names each field; nothing was written */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Allowed roles: admin, marketer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This key or session spent its requests of this class (ingest, writes, reads) for the minute: wait `Retry-After` seconds. `RateLimit` and `RateLimit-Policy` say how much is left. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description What is left in the current window */
                    RateLimit?: string;
                    /** @description The limit and its window */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database (or the queue) is unavailable: nothing is lost, try again after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    TemplatesController_variablesOf: {
        parameters: {
            query: {
                journeyId: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The paths, the most common first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TemplateVariables"];
                };
            };
            /** @description Invalid input: `errors` names each field; nothing was written */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Allowed roles: admin, marketer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This key or session spent its requests of this class (ingest, writes, reads) for the minute: wait `Retry-After` seconds. `RateLimit` and `RateLimit-Policy` say how much is left. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description What is left in the current window */
                    RateLimit?: string;
                    /** @description The limit and its window */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database (or the queue) is unavailable: nothing is lost, try again after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    HealthController_health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Both are up */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            /** @description One is down: `status` is `degraded` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
        };
    };
    MetricsController_metrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The Prometheus text exposition format */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
        };
    };
    TwilioWebhooksController_status: {
        parameters: {
            query?: {
                /** @description Set in the callback URL the worker gives Twilio */
                touchpointId?: string;
            };
            header: {
                /** @description HMAC-SHA1 of PUBLIC_BASE_URL + path and query + the sorted form fields, with the auth token */
                "X-Twilio-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["TwilioStatusCallbackDto"];
            };
        };
        responses: {
            /** @description Applied, or ignored when the status means nothing here */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A required field is missing */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The signature is missing or wrong, or TWILIO_AUTH_TOKEN is not set */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    TwilioWebhooksController_inbound: {
        parameters: {
            query?: never;
            header: {
                /** @description HMAC-SHA1 of PUBLIC_BASE_URL + path and query + the sorted form fields, with the auth token */
                "X-Twilio-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["TwilioInboundDto"];
            };
        };
        responses: {
            /** @description Empty TwiML: Twilio answers the keywords itself */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/xml": string;
                };
            };
            /** @description A required field is missing */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The signature is missing or wrong, or TWILIO_AUTH_TOKEN is not set */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    SendGridWebhooksController_receive: {
        parameters: {
            query?: never;
            header: {
                /** @description Unix time of the post; refused outside a 10-minute window */
                "x-twilio-email-event-webhook-timestamp": string;
                /** @description Base64 ECDSA P-256 signature over the timestamp and the raw body */
                "x-twilio-email-event-webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        /** @description SendGrid’s event objects */
        requestBody: {
            content: {
                "application/json": Record<string, never>[];
            };
        };
        responses: {
            /** @description What each event did */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SendGridEventsReport"];
                };
            };
            /** @description Not a JSON array */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The signature is missing, wrong or outside the window */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    UnsubscribeController_page: {
        parameters: {
            query: {
                /** @description The link’s signature */
                sig: string;
            };
            header?: never;
            path: {
                touchpointId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page with one button */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The signature does not match: an error page */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description No such touchpoint: an error page */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
    UnsubscribeController_unsubscribe: {
        parameters: {
            query: {
                /** @description The link’s signature */
                sig: string;
            };
            header?: never;
            path: {
                touchpointId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Email consent revoked: a page saying so */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The signature does not match: an error page */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description No such touchpoint: an error page */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
    JourneyStatsController_get: {
        parameters: {
            query?: {
                /** @description Only this version of the journey. */
                version?: number;
                /** @description Touchpoints created, and enrollments made, at or after (ISO-8601). */
                from?: string;
                /** @description … and before (ISO-8601). */
                to?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The journey’s figures */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JourneyStats"];
                };
            };
            /** @description Invalid input: `errors` names each field; nothing was written */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Allowed roles: admin, marketer, analyst */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The journey, or the version asked for, was not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This key or session spent its requests of this class (ingest, writes, reads) for the minute: wait `Retry-After` seconds. `RateLimit` and `RateLimit-Policy` say how much is left. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description What is left in the current window */
                    RateLimit?: string;
                    /** @description The limit and its window */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database (or the queue) is unavailable: nothing is lost, try again after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    JourneyStatsController_report: {
        parameters: {
            query?: {
                /** @description Only this version of the journey. */
                version?: number;
                /** @description Touchpoints created, and enrollments made, at or after (ISO-8601). */
                from?: string;
                /** @description … and before (ISO-8601). */
                to?: string;
                /** @description Period length (UTC). */
                interval?: "day" | "week" | "month";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The journey’s report */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JourneyReport"];
                };
            };
            /** @description Invalid input: `errors` names each field; nothing was written */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Allowed roles: admin, marketer, analyst */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The journey, or the version asked for, was not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This key or session spent its requests of this class (ingest, writes, reads) for the minute: wait `Retry-After` seconds. `RateLimit` and `RateLimit-Policy` say how much is left. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description What is left in the current window */
                    RateLimit?: string;
                    /** @description The limit and its window */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database (or the queue) is unavailable: nothing is lost, try again after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    AnalyticsController_series: {
        parameters: {
            query?: {
                /** @description Touchpoints created at or after (ISO-8601); default 30 days before `to`. */
                from?: string;
                /** @description Touchpoints created before (ISO-8601); default now. */
                to?: string;
                /** @description Period length (UTC). */
                interval?: "day" | "week" | "month";
                journeyId?: string;
                channel?: "sms" | "email" | "push" | "whatsapp";
                stage?: "awareness" | "consideration" | "decision" | "purchase" | "retention" | "advocacy";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The funnel per period and channel */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportSeries"];
                };
            };
            /** @description Invalid input: `errors` names each field; nothing was written */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Allowed roles: admin, marketer, analyst */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This key or session spent its requests of this class (ingest, writes, reads) for the minute: wait `Retry-After` seconds. `RateLimit` and `RateLimit-Policy` say how much is left. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description What is left in the current window */
                    RateLimit?: string;
                    /** @description The limit and its window */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database (or the queue) is unavailable: nothing is lost, try again after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    AnalyticsController_failures: {
        parameters: {
            query?: {
                /** @description Touchpoints created at or after (ISO-8601); default 30 days before `to`. */
                from?: string;
                /** @description Touchpoints created before (ISO-8601); default now. */
                to?: string;
                journeyId?: string;
                channel?: "sms" | "email" | "push" | "whatsapp";
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Failure reasons, most frequent first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FailureReasons"];
                };
            };
            /** @description Invalid input: `errors` names each field; nothing was written */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Allowed roles: admin, marketer, analyst */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This key or session spent its requests of this class (ingest, writes, reads) for the minute: wait `Retry-After` seconds. `RateLimit` and `RateLimit-Policy` say how much is left. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description What is left in the current window */
                    RateLimit?: string;
                    /** @description The limit and its window */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database (or the queue) is unavailable: nothing is lost, try again after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    AnalyticsController_overview: {
        parameters: {
            query?: {
                /** @description Touchpoints created at or after (ISO-8601); default 30 days before `to`. */
                from?: string;
                /** @description Touchpoints created before (ISO-8601); default now. */
                to?: string;
                /** @description Period length (UTC). */
                interval?: "day" | "week" | "month";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The overview */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Overview"];
                };
            };
            /** @description Invalid input: `errors` names each field; nothing was written */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Allowed roles: admin, marketer, analyst */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This key or session spent its requests of this class (ingest, writes, reads) for the minute: wait `Retry-After` seconds. `RateLimit` and `RateLimit-Policy` say how much is left. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description What is left in the current window */
                    RateLimit?: string;
                    /** @description The limit and its window */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database (or the queue) is unavailable: nothing is lost, try again after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    AnalyticsController_answers: {
        parameters: {
            query?: {
                /** @description Answered at or after (ISO-8601). */
                from?: string;
                /** @description Answered before (ISO-8601). */
                to?: string;
                journeyId?: string;
                stage?: "awareness" | "consideration" | "decision" | "purchase" | "retention" | "advocacy";
                /** @description Promoters 9–10, passives 7–8, detractors 0–6. */
                category?: "promoter" | "passive" | "detractor";
                /** @description Words in the comment; empty: only answers with a comment. */
                search?: string;
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of answers */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SurveyAnswers"];
                };
            };
            /** @description Invalid input: `errors` names each field; nothing was written */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Allowed roles: admin, marketer, analyst */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This key or session spent its requests of this class (ingest, writes, reads) for the minute: wait `Retry-After` seconds. `RateLimit` and `RateLimit-Policy` say how much is left. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description What is left in the current window */
                    RateLimit?: string;
                    /** @description The limit and its window */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database (or the queue) is unavailable: nothing is lost, try again after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    AnalyticsController_byStage: {
        parameters: {
            query?: {
                /** @description Touchpoints created at or after (ISO-8601); default 30 days before `to`. */
                from?: string;
                /** @description Touchpoints created before (ISO-8601); default now. */
                to?: string;
                /** @description Delivered messages a cell needs to be called the least engaging. */
                minVolume?: number;
                /** @description Survey answers a cell needs to be called the lowest NPS. */
                minResponses?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Figures per stage and channel */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StageAnalytics"];
                };
            };
            /** @description Invalid input: `errors` names each field; nothing was written */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Allowed roles: admin, marketer, analyst */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This key or session spent its requests of this class (ingest, writes, reads) for the minute: wait `Retry-After` seconds. `RateLimit` and `RateLimit-Policy` say how much is left. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description What is left in the current window */
                    RateLimit?: string;
                    /** @description The limit and its window */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database (or the queue) is unavailable: nothing is lost, try again after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    AnalyticsController_nps: {
        parameters: {
            query?: {
                /** @description Answers at or after (ISO-8601); default 90 days before `to`. */
                from?: string;
                /** @description Answers before (ISO-8601); default now. */
                to?: string;
                /** @description Period length (UTC). */
                interval?: "day" | "week" | "month";
                journeyId?: string;
                stage?: "awareness" | "consideration" | "decision" | "purchase" | "retention" | "advocacy";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description NPS per period */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NpsSeries"];
                };
            };
            /** @description Invalid input: `errors` names each field; nothing was written */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Allowed roles: admin, marketer, analyst */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This key or session spent its requests of this class (ingest, writes, reads) for the minute: wait `Retry-After` seconds. `RateLimit` and `RateLimit-Policy` say how much is left. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description What is left in the current window */
                    RateLimit?: string;
                    /** @description The limit and its window */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database (or the queue) is unavailable: nothing is lost, try again after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    CustomerInsightsController_journeyMap: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path: {
                customerId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The map, stage by stage, and the timeline */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JourneyMap"];
                };
            };
            /** @description Invalid input: `errors` names each field; nothing was written */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Allowed roles: admin, marketer, analyst */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This key or session spent its requests of this class (ingest, writes, reads) for the minute: wait `Retry-After` seconds. `RateLimit` and `RateLimit-Policy` say how much is left. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description What is left in the current window */
                    RateLimit?: string;
                    /** @description The limit and its window */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database (or the queue) is unavailable: nothing is lost, try again after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    SurveyController_show: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The 0–10 scale as a form */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The link is not valid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The survey is gone */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Already answered */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
    SurveyController_answer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SurveyAnswerDto"];
                "application/x-www-form-urlencoded": components["schemas"]["SurveyAnswerDto"];
            };
        };
        responses: {
            /** @description Recorded (a form post): a thank-you page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Recorded (a JSON post) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SurveyAnswered"];
                };
            };
            /** @description Invalid score or comment; nothing recorded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/html": string;
                };
            };
            /** @description The link is not valid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/html": string;
                };
            };
            /** @description The survey is gone */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/html": string;
                };
            };
            /** @description Already answered */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/html": string;
                };
            };
        };
    };
}
