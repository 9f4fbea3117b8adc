/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>
#include <libpq-fe.h>

G_BEGIN_DECLS

/* A record's server state, as loaded inside a transaction. data and field_versions are owned. */
typedef struct
{
  gboolean    exists;
  gboolean    deleted;
  gint64      version;
  JsonObject *data;
  JsonObject *field_versions;
} GestRecordState;

void        gest_record_state_clear       (GestRecordState *state);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (GestRecordState, gest_record_state_clear)

/* Whether the server stores records of @entity (customer, vehicle, plan, tramite, document,
 * activity, message and the later modules'). */
gboolean    gest_server_entity_known      (const char      *entity);

/* Whether @name is a valid field name: 1 to 64 of a-z, 0-9 and _, starting with a letter. */
gboolean    gest_server_field_name_valid  (const char      *name);

/* Limits on the values of a pushed record (data/sync-protocol.md, Push): what PostgreSQL would
 * refuse or what no form makes is rejected before it reaches the database. */
#define GEST_SERVER_MAX_FIELDS        256       /* fields in one mutation */
#define GEST_SERVER_MAX_DEPTH         16        /* nesting of a field's value (a scalar is 0) */
#define GEST_SERVER_MAX_ELEMENTS      4096      /* elements and members in one field's value */
#define GEST_SERVER_MAX_STRING        131072    /* bytes of one string or member name */

/* Whether @uuid is a UUID in canonical form: lower-case hex, 8-4-4-4-12. */
gboolean    gest_server_uuid_canonical    (const char      *uuid);

/* Checks the values in @fields (may be NULL) against the limits above: numbers finite, strings
 * and member names valid UTF-8 (no lone surrogate) within GEST_SERVER_MAX_STRING, nesting and
 * sizes bounded. Recursion is bounded by GEST_SERVER_MAX_DEPTH whatever @fields holds. Returns
 * NULL when they are fine, else a translated reason. */
char       *gest_server_check_values      (JsonObject      *fields);

/* The dealer-side rules for one mutation against the record's current state: field names,
 * server-owned fields (a plan's balance, overdue, installment, life_insurance, as_of), the
 * trámite step (T6, T7) and the activity log, which is append-only (X5): an existing entry
 * cannot be deleted nor changed (sending it again as it is, or part of it, is no change). Returns NULL when allowed, else a translated reason. @fields may be
 * NULL for a delete. */
char       *gest_server_check_mutation    (const char            *entity,
                                           gboolean               is_delete,
                                           JsonObject            *fields,
                                           const GestRecordState *current);

/* Whether @current exists, is not deleted and already has every field of @fields (may be
 * NULL) with the value sent: applying them would change nothing. */
gboolean    gest_server_fields_unchanged  (JsonObject            *fields,
                                           const GestRecordState *current);

/* T6: NULL when the trámite, with @fields applied over @current (may be NULL), has what
 * @step needs (payment, proof and documents sent for 4, the insurance cancellation for 5, the
 * invoice released for 7, delivered and acknowledged for 8), else "Step N needs: …". */
char       *gest_server_tramite_missing   (JsonObject            *fields,
                                           const GestRecordState *current,
                                           gint64                 step);

/* Whether Conauto (admin advance) may move a trámite from @from to @to: 3→4, 4→5, 5→6. */
char       *gest_server_check_conauto_step (gint64 from,
                                            gint64 to);

/* Issue 12, one open trámite per plan: whether the new trámite @uuid pushed with @fields (open:
 * step below 8) may be stored for dealer @dealer_id. Refused (@out_refusal, translated; the
 * same rule as the desktop's gest_tramite_create() and its migration 0006) when another of the
 * dealer's trámites of the same plan is open, either stored or earlier in the same page
 * (@states: "entity\x1fuuid" → GestRecordState*, may be NULL). FALSE with @error only for a
 * fault of the database. */
gboolean    gest_server_open_tramite_check (PGconn          *conn,
                                            const char      *dealer_id,
                                            const char      *uuid,
                                            JsonObject      *fields,
                                            GHashTable      *states,
                                            char           **out_refusal,
                                            GError         **error);

/* Applies @fields to @state (data and field_versions) at @seq. A field that changed on the
 * server after @base_version to a value other than the one sent is a conflict: the sent value
 * wins and {"field", "lost_value"} is appended to @conflicts (may be NULL). */
void        gest_record_merge             (GestRecordState *state,
                                           JsonObject      *fields,
                                           gint64           base_version,
                                           gint64           seq,
                                           JsonArray       *conflicts);

/* JSON text with object members sorted by name at every level: the same value always gives
 * the same text, whatever order the client wrote. Below GEST_SERVER_MAX_DEPTH + 2 levels a
 * value is written as "..." (such a mutation is rejected anyway), so the recursion is bounded. */
char       *gest_json_canonical           (JsonNode        *node);

/* The integer in @node, also from a double without fraction; FALSE for anything else. */
gboolean    gest_json_get_int             (JsonNode        *node,
                                           gint64          *out);

G_END_DECLS
