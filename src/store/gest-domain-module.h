/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "gest-store.h"

G_BEGIN_DECLS

/* The GLib-only half of a module (style.md, "Adding a module"): what the CLI, the sync, the
 * mail outbox, the search and the demo data need to know of it, with no widget. The UI half is
 * GestModule (src/app/gest-module.h), which requires this interface: a module's UI class
 * derives from its domain class. The shared layers reach modules only through these two
 * interfaces; none of them names a module.
 *
 * Every vfunc but get_id() is optional. Tables returned are static: they live as long as the
 * program. Threading: everything here may run on any thread (the sync and mail workers, the
 * store's writer thread) and must not touch the module's objects' mutable state. */

/* One synced entity (data/sync-protocol.md): its table and the columns that travel as
 * fields. */
typedef struct
{
  const char         *entity;        /* protocol name: "note" */
  const char         *table;         /* "notes" */
  const char * const *columns;       /* every field the desktop stores, NULL-terminated */
  const char * const *server_owned;  /* fields only the server sets (never pushed), or NULL */
  gboolean            versioned;     /* rows keep the server's version (sync_version) */
  /* Optional: checks the fields of a change pulled or about to be pushed, with the forms'
   * validators (issue 16.6; gest_sync_check_fields() does the usual kinds of field), after
   * the shared checks passed. NULL when it passes, else why not (translated). @fields is
   * never NULL here (a delete without fields is not checked). */
  char             *(*validate)     (JsonObject *fields,
                                     gboolean    deleted);
} GestEntityInfo;

/* One kind of search hit (the kind column of search_index, data/sql). */
typedef struct
{
  const char *kind;        /* "note" */
  const char *label;       /* N_("Note"): the subtitle starts with it, translated */
  const char *icon_name;   /* the hit's icon in the search popover */
  /* Optional: a code typed whole or in part (a folio) found by a range scan of a unique index:
   * SELECT uuid, title, context ... WHERE code >= ?1 AND code < ?3 ... LIMIT ?2. */
  const char *code_sql;
} GestSearchKind;

/* Exit statuses of every gestiona-cli command, the modules' verbs included. */
#define GEST_CLI_EXIT_OK       0
#define GEST_CLI_EXIT_REFUSED  1   /* a rule refused it (step prerequisites, role) */
#define GEST_CLI_EXIT_USAGE    2   /* bad arguments or bad input (amount, date, unknown code) */
#define GEST_CLI_EXIT_STORE    3   /* the database failed */

/* Prints @error on stderr ("gestiona-cli: …") and returns the exit status it deserves, so
 * every command gives the same status for the same error. */
int gest_cli_fail (const GError *error);

/* One `gestiona-cli VERB …` command. @db_path NULL means the default database; @argv starts
 * with the verb. Returns the exit status (0 done, 1 refused, 2 bad input, 3 database). */
typedef struct
{
  const char *verb;        /* "note" */
  const char *synopsis;    /* "note COMMAND …" (not translated: the syntax) */
  const char *summary;     /* N_("notes (gestiona-cli note --help)") */
  int       (*run)        (const char  *db_path,
                           int          argc,
                           char       **argv);
} GestCliVerb;

/* The kind of a report's column (issue 13): how the hub shows, exports and charts it. */
typedef enum
{
  GEST_REPORT_COLUMN_END = 0,   /* ends a kinds array */
  GEST_REPORT_COLUMN_TEXT,      /* text as the SQL gives it */
  GEST_REPORT_COLUMN_LABEL,     /* text whose values are msgids (N_() in the module): translated */
  GEST_REPORT_COLUMN_COUNT,     /* an integer: "1,234" */
  GEST_REPORT_COLUMN_MONEY,     /* integer centavos: "$1,234.56" */
  GEST_REPORT_COLUMN_DAYS,      /* a real number of days: "3.5" */
  GEST_REPORT_COLUMN_PERCENT,   /* a real from 0 to 100: "87.5 %" */
  GEST_REPORT_COLUMN_DATE,      /* a day, "YYYY-MM-DD" text: "06/12/2026" */
} GestReportColumnKind;

/* One report for the reports hub (src/store/gest-report.h runs it): a titled SQL query whose
 * result columns are the report's columns, in the language of their aliases' msgids.
 *
 * The query may name these parameters, which the hub binds when it names them: `:from` and
 * `:to`, the period chosen (unix µs, [from, to): midnight of the first day and of the day
 * after the last, in the dealer's time zone); `:now` (unix µs: the moment the report runs, so
 * "ages" are measured at min (:to, :now)); `:utc_offset`, the dealer's offset from UTC in
 * seconds at the period's start (so `strftime (..., at / 1000000 + :utc_offset, 'unixepoch')`
 * gives the dealer's day without a function call per row). A report that names neither
 * `:from` nor `:to` has no period. */
typedef struct
{
  const char *id;          /* "notes-by-state" */
  const char *title;       /* N_("Notes by state") */
  const char *description; /* N_(...) */
  const char *sql;
  /* One kind per result column, ended by GEST_REPORT_COLUMN_END; NULL: each column's kind is
   * guessed from its first value (integer: count, real: days, else text). */
  const GestReportColumnKind *kinds;
  /* The bar chart: the column (1 or more) whose values are drawn as bars, one per row,
   * labelled by column 0; 0 for no chart. */
  guint       chart_column;
} GestReportInfo;

/* How a module's records link to a customer (issue 12): the customer page lists them, and a
 * merge of two customers moves them. */
typedef struct
{
  const char *search_kind; /* a GestSearchKind of the module: the page opens a row as a hit */
  /* SELECT uuid, title, subtitle, at FROM … WHERE <the record's customer> = :customer:
   * title "LIQ-2026-000123", subtitle its state (translated by the module's SQL or plain),
   * at unix µs of its last change; the page orders and limits. */
  const char *list_sql;
  /* UPDATE … SET <customer column> = :into WHERE <customer column> = :from, or NULL when the
   * records reach the customer through a plan or vehicle (they move with it). Runs inside
   * the merge's transaction; the sync triggers carry the change. */
  const char *merge_sql;
} GestCustomerLink;

/* Why a customer is to be called (issue 14): a module's records that the one daily call list
 * gathers (the list belongs to the module that calls; the records to the module that owns
 * them: a field action's vehicles to contact, a booking to confirm). */
typedef struct
{
  const char *id;          /* "<module>.<what>": stored with each call of its records */
  const char *label;       /* N_("Field action"): the queue's reason, translated */
  /* The records to contact on :today ('yyyy-mm-dd', the dealer's day; :now is unix µs):
   * SELECT record_uuid, customer_uuid, vehicle_uuid, due_on, detail FROM … with due_on the
   * day it became due ('yyyy-mm-dd', today or earlier) and detail a short line for the
   * queue's row (plain text, in Spanish data as stored). Only records still to contact; read
   * on any thread with a read-only connection, so it must be fast (indexed) and never write. */
  const char *sql;
  /* Higher first when the queue orders the day (a booking to confirm before a lapsed
   * maintenance). */
  int         priority;
} GestContactSource;

/* What a call to one of its records ended in, told to the module that owns the record. */
typedef enum
{
  GEST_CONTACT_OUTCOME_CONTACTED,     /* reached, informed, no booking yet */
  GEST_CONTACT_OUTCOME_BOOKED,        /* an appointment was made */
  GEST_CONTACT_OUTCOME_REFUSED,       /* reached, declined */
  GEST_CONTACT_OUTCOME_GAVE_UP,       /* the cadence ended without reaching them (letter sent) */
} GestContactOutcome;

#define GEST_TYPE_DOMAIN_MODULE (gest_domain_module_get_type ())
G_DECLARE_INTERFACE (GestDomainModule, gest_domain_module, GEST, DOMAIN_MODULE, GObject)

struct _GestDomainModuleInterface
{
  GTypeInterface parent_iface;

  /* "notes": the section id, the settings and demo prefix. Required. */
  const char           *(*get_id)           (GestDomainModule  *self);
  const GestEntityInfo *(*get_entities)     (GestDomainModule  *self,
                                             guint             *n_entities);
  const GestSearchKind *(*get_search_kinds) (GestDomainModule  *self,
                                             guint             *n_kinds);
  const GestCliVerb    *(*get_cli_verbs)    (GestDomainModule  *self,
                                             guint             *n_verbs);
  const GestReportInfo *(*get_reports)      (GestDomainModule  *self,
                                             guint             *n_reports);
  /* The module's rows of the permissions table (gest-permissions.h; ids "<module>.…"),
   * added to the table when the module registers. */
  const GestPermission *(*get_permissions)  (GestDomainModule  *self,
                                             guint             *n_permissions);
  const GestCustomerLink *(*get_customer_links) (GestDomainModule *self,
                                                 guint            *n_links);
  /* Demo data, inside the demo's transaction after customers, vehicles and plans exist
   * (plan rows have rowid 1..n). Modules fill in registration order. */
  gboolean              (*fill_demo)        (GestDomainModule  *self,
                                             GestStore         *store,
                                             guint              n,
                                             GRand             *rand,
                                             GError           **error);
  /* The mail outbox sent a message queued for @record_uuid with @purpose (the module's own
   * word, given when it queued it): the module records it on its record, inside the
   * outbox's transaction. */
  gboolean              (*mail_sent)        (GestDomainModule  *self,
                                             GestStore         *store,
                                             const char        *purpose,
                                             const char        *record_uuid,
                                             gint64             sent_at,
                                             GError           **error);
  /* The server rejected a local change of one of this module's entities: the module may
   * say so where its users look (the record's activity log), inside the sync's transaction. */
  gboolean              (*change_rejected)  (GestDomainModule  *self,
                                             GestStore         *store,
                                             const char        *entity,
                                             const char        *uuid,
                                             const char        *message,
                                             GError           **error);
  /* Mail the module sends on a schedule (a morning summary): queued through the outbox when
   * due at @now, at most once however often it is asked. The mail service asks before each
   * round, on its thread, with its own connection and nobody signed in. */
  gboolean              (*queue_due_mail)   (GestDomainModule  *self,
                                             GestStore         *store,
                                             gint64             now,
                                             GError           **error);
  const GestContactSource *(*get_contact_sources) (GestDomainModule *self,
                                                   guint            *n_sources);
  /* A call to @record_uuid of the module's source @source_id ended in @outcome: the module
   * moves its record (a field-action vehicle to "contacted"), inside the call's transaction,
   * with the signed-in user of @store. */
  gboolean              (*contact_outcome)  (GestDomainModule  *self,
                                             GestStore         *store,
                                             const char        *source_id,
                                             const char        *record_uuid,
                                             GestContactOutcome outcome,
                                             GError           **error);
};

const char           *gest_domain_module_get_id           (GestDomainModule *self);
const GestEntityInfo *gest_domain_module_get_entities     (GestDomainModule *self,
                                                           guint            *n_entities);
const GestSearchKind *gest_domain_module_get_search_kinds (GestDomainModule *self,
                                                           guint            *n_kinds);
const GestCliVerb    *gest_domain_module_get_cli_verbs    (GestDomainModule *self,
                                                           guint            *n_verbs);
const GestReportInfo *gest_domain_module_get_reports      (GestDomainModule *self,
                                                           guint            *n_reports);
const GestPermission *gest_domain_module_get_permissions  (GestDomainModule *self,
                                                           guint            *n_permissions);
const GestCustomerLink *gest_domain_module_get_customer_links (GestDomainModule *self,
                                                               guint            *n_links);
gboolean              gest_domain_module_fill_demo        (GestDomainModule *self,
                                                           GestStore        *store,
                                                           guint             n,
                                                           GRand            *rand,
                                                           GError          **error);
gboolean              gest_domain_module_mail_sent        (GestDomainModule *self,
                                                           GestStore        *store,
                                                           const char       *purpose,
                                                           const char       *record_uuid,
                                                           gint64            sent_at,
                                                           GError          **error);
gboolean              gest_domain_module_change_rejected  (GestDomainModule *self,
                                                           GestStore        *store,
                                                           const char       *entity,
                                                           const char       *uuid,
                                                           const char       *message,
                                                           GError          **error);
gboolean              gest_domain_module_queue_due_mail   (GestDomainModule *self,
                                                           GestStore        *store,
                                                           gint64            now,
                                                           GError          **error);
const GestContactSource *gest_domain_module_get_contact_sources (GestDomainModule *self,
                                                                 guint            *n_sources);
gboolean              gest_domain_module_contact_outcome  (GestDomainModule  *self,
                                                           GestStore         *store,
                                                           const char        *source_id,
                                                           const char        *record_uuid,
                                                           GestContactOutcome outcome,
                                                           GError           **error);

/* The registry: every module of the program, in registration order (src/gest-module-list.h,
 * one line a module). Registration happens once at start, before any thread uses the list;
 * the list never changes afterwards, so any thread may read it.
 *
 * Adding a module whose id is registered already replaces the registered one when the new
 * one is of a subclass (the app's UI class over the CLI's domain class of the same module),
 * and is ignored when the registered one is of a subclass of the new one. */
void                  gest_domain_modules_add          (GestDomainModule  *module);
/* Element type GestDomainModule; owned by the registry. Registers the program's domain
 * modules first (gest_domain_modules_init()) if not yet done. */
GPtrArray            *gest_domain_modules_get          (void);
GestDomainModule     *gest_domain_modules_find         (const char        *id);
/* The module that syncs @entity, with its entity info in @out_info; NULL if none does. */
GestDomainModule     *gest_domain_modules_find_entity  (const char        *entity,
                                                        const GestEntityInfo **out_info);
/* The module whose search kind is @kind, with its kind info in @out_kind; NULL if none. */
GestDomainModule     *gest_domain_modules_find_search_kind (const char    *kind,
                                                            const GestSearchKind **out_kind);
/* The module whose contact source is @source_id, with its info in @out_source; NULL if none. */
GestDomainModule     *gest_domain_modules_find_contact_source (const char              *source_id,
                                                               const GestContactSource **out_source);
/* The module whose CLI verb is @verb, with its verb info in @out_verb; NULL if none. */
GestDomainModule     *gest_domain_modules_find_cli_verb (const char       *verb,
                                                         const GestCliVerb **out_verb);
/* Registers the domain class of every module of the program (src/gest-module-list.h,
 * expanded in src/gest-domain-list.c) if not yet done. Idempotent and thread-safe; programs
 * call it once in main(), gest_domain_modules_get() calls it too. */
void                  gest_domain_modules_init         (void);

G_END_DECLS
