/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gest-store.h"

G_BEGIN_DECLS

/* Ford's field actions (S1-S3, S8): a campaign, its affected vehicles (the board's cards), its
 * parts and its weekly review. GLib only; the CLI, the pages, the retention queue and the sync
 * use it.
 *
 * Every change is a blocking function that runs in the caller's transaction (the CLI, or the
 * store's writer thread through gest_store_write_async()): it checks the signed-in user's
 * permission (gest_store_check_permission(), ids "campaigns.*"), runs its rules on what is
 * stored now (gest_record_change_run()), writes, and appends an activity entry attributed to
 * the signed-in user (record_uuid = the campaign's or the affected vehicle's uuid). A refusal
 * is GEST_ERROR_REFUSED / GEST_ERROR_PERMISSION / GEST_ERROR_INVALID with a translated
 * message that says what is wrong and how to fix it; nothing is written then. */

/* The board's columns, in order (campaign_vehicles.stage). */
typedef enum
{
  GEST_CAMPAIGN_PARTS_PENDING,   /* Refacciones pendientes (S3) */
  GEST_CAMPAIGN_TO_CONTACT,      /* Por contactar */
  GEST_CAMPAIGN_CONTACTED,       /* Contactado */
  GEST_CAMPAIGN_BOOKED,          /* Cita agendada */
  GEST_CAMPAIGN_CLOSED,          /* Reparado, or closed out for another reason */
  GEST_N_CAMPAIGN_STAGES
} GestCampaignStage;

typedef enum
{
  GEST_CAMPAIGN_KIND_SAFETY_RECALL,   /* "safety-recall": Llamado a revisión de seguridad */
  GEST_CAMPAIGN_KIND_SATISFACTION,    /* "satisfaction": Programa de satisfacción al cliente */
  GEST_CAMPAIGN_KIND_EMISSIONS,       /* "emissions": Emisiones */
  GEST_N_CAMPAIGN_KINDS
} GestCampaignKind;

/* Why an affected vehicle left the board (campaign_vehicles.closeout). */
typedef enum
{
  GEST_CAMPAIGN_CLOSEOUT_DONE_HERE,       /* "done-here": repaired in our workshop */
  GEST_CAMPAIGN_CLOSEOUT_DONE_ELSEWHERE,  /* "done-elsewhere": at another dealer */
  GEST_CAMPAIGN_CLOSEOUT_NOT_APPLICABLE,  /* "not-applicable" */
  GEST_CAMPAIGN_CLOSEOUT_UNLOCATABLE,     /* "unlocatable": the vehicle cannot be found */
  GEST_N_CAMPAIGN_CLOSEOUTS
} GestCampaignCloseout;

typedef enum
{
  GEST_CAMPAIGN_PART_REQUESTED,      /* "requested" to the parts area */
  GEST_CAMPAIGN_PART_ORDERED,        /* "ordered" from Ford */
  GEST_CAMPAIGN_PART_BACK_ORDERED,   /* "back-ordered" */
  GEST_CAMPAIGN_PART_RECEIVED,       /* "received" (qty_received may grow in lots) */
  GEST_N_CAMPAIGN_PART_STATUSES
} GestCampaignPartStatus;

const char *gest_campaign_stage_label        (GestCampaignStage      stage);   /* translated */
const char *gest_campaign_kind_id            (GestCampaignKind       kind);
const char *gest_campaign_kind_label         (GestCampaignKind       kind);
gboolean    gest_campaign_kind_from_id       (const char            *id,
                                              GestCampaignKind      *out);
/* Whether campaigns of @kind have start and end dates (S1: satisfaction programs and emission
 * campaigns end; a safety recall never does). */
gboolean    gest_campaign_kind_has_dates     (GestCampaignKind       kind);
const char *gest_campaign_closeout_id        (GestCampaignCloseout   closeout);
const char *gest_campaign_closeout_label     (GestCampaignCloseout   closeout);
gboolean    gest_campaign_closeout_from_id   (const char            *id,
                                              GestCampaignCloseout  *out);
const char *gest_campaign_part_status_id     (GestCampaignPartStatus status);
const char *gest_campaign_part_status_label  (GestCampaignPartStatus status);
gboolean    gest_campaign_part_status_from_id (const char             *id,
                                               GestCampaignPartStatus *out);

/* A campaign as stored, with its board's counts. */
typedef struct
{
  char             *uuid;
  char             *code;          /* "24S12": upper case, letters and digits */
  GestCampaignKind  kind;
  char             *description;
  char             *labour_notes;
  char             *parts_notes;
  char             *starts_on;     /* yyyy-mm-dd or NULL */
  char             *ends_on;
  gboolean          needs_parts;
  gint64            closed_at;     /* 0 while open */
  guint             counts[GEST_N_CAMPAIGN_STAGES];
} GestCampaign;

void          gest_campaign_free   (GestCampaign *campaign);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestCampaign, gest_campaign_free)

/* What a new campaign or an edit gives. Dates yyyy-mm-dd (the forms parse dd/mm/yyyy). */
typedef struct
{
  const char       *code;
  GestCampaignKind  kind;
  const char       *description;
  const char       *labour_notes;
  const char       *parts_notes;
  const char       *starts_on;
  const char       *ends_on;
  gboolean          needs_parts;
} GestCampaignFields;

/* GEST_ERROR_INVALID: a code that is not Ford's form, an empty description, dates where the
 * kind has none or missing where it has them, an end before the start; GEST_ERROR_REFUSED: a
 * live campaign with the same code. */
gboolean      gest_campaign_create (GestStore                *store,
                                    const GestCampaignFields *fields,
                                    char                    **out_uuid,
                                    GError                  **error);
gboolean      gest_campaign_update (GestStore                *store,
                                    const char               *uuid,
                                    const GestCampaignFields *fields,
                                    GError                  **error);
GestCampaign *gest_campaign_load   (GestStore                *store,
                                    const char               *uuid,
                                    GError                  **error);
GestCampaign *gest_campaign_find_by_code (GestStore          *store,
                                          const char         *code,
                                          GError            **error);
/* Live campaigns, open ones first then by code: GPtrArray of GestCampaign (free func set). */
GPtrArray    *gest_campaign_list   (GestStore                *store,
                                    GError                  **error);

/* --- VIN lists (S1) ----------------------------------------------------------------------- */

/* One row of Ford's VIN list that was not imported, and why (translated). */
typedef struct
{
  guint  line;        /* 1-based, the header is line 1 */
  char  *vin;         /* as read */
  char  *message;     /* "El VIN 1FTFW1E5… tiene un dígito verificador incorrecto: …" */
} GestVinListProblem;

typedef struct
{
  guint      n_rows;             /* data rows read */
  guint      n_added;            /* affected vehicles added to the campaign */
  guint      n_vehicles_created; /* unknown VINs: vehicle (and owner, marked recall-list) created */
  guint      n_duplicates;       /* already in the campaign, or twice in the file */
  GPtrArray *problems;           /* GestVinListProblem, bad rows and duplicates, by line */
} GestVinListReport;

void gest_vin_list_report_free (GestVinListReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestVinListReport, gest_vin_list_report_free)

/* Imports Ford's VIN list @file (CSV, any of , ; tab, UTF-8 or Windows-1252; or XLSX) into
 * campaign @campaign_uuid in one transaction: VINs validated with the check digit
 * (gest_vin_check), unknown vehicles created with the list's owner as a customer marked
 * "recall-list" (customer_data_origins: the data-use rule), the list's contact data kept on the
 * affected vehicle (list_*), duplicates and bad rows reported per line and skipped; new
 * vehicles enter "Refacciones pendientes" or "Por contactar" by the parts rule (S3).
 * Fails as a whole (nothing written) only when the file cannot be read or has no VIN column. */
GestVinListReport *gest_campaign_import_vins (GestStore     *store,
                                              const char    *campaign_uuid,
                                              GFile         *file,
                                              GCancellable  *cancellable,
                                              GError       **error);

/* --- Parts (S2, S3) ----------------------------------------------------------------------- */

typedef struct
{
  char                   *uuid;
  char                   *part_number;
  char                   *description;
  guint                   qty_per_vehicle;
  GestCampaignPartStatus  status;
  guint                   qty_requested;
  guint                   qty_received;
  char                   *expected_on;
  gint64                  status_since;
} GestCampaignPart;

void       gest_campaign_part_free   (GestCampaignPart *part);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestCampaignPart, gest_campaign_part_free)
/* GPtrArray of GestCampaignPart by part number. */
GPtrArray *gest_campaign_parts_list  (GestStore        *store,
                                      const char       *campaign_uuid,
                                      GError          **error);
gboolean   gest_campaign_part_add    (GestStore        *store,
                                      const char       *campaign_uuid,
                                      const char       *part_number,
                                      const char       *description,
                                      guint             qty_per_vehicle,
                                      guint             qty_requested,
                                      char            **out_uuid,
                                      GError          **error);
/* Follows a part's status; with RECEIVED, @qty_received is the total received so far. Then
 * releases the vehicles the parts now cover from "Refacciones pendientes" to "Por contactar",
 * oldest import first (S3). */
gboolean   gest_campaign_part_set_status (GestStore             *store,
                                          const char            *part_uuid,
                                          GestCampaignPartStatus status,
                                          guint                  qty_received,
                                          const char            *expected_on,
                                          GError               **error);
/* How many of the campaign's vehicles its received parts cover (G_MAXUINT when it needs none). */
guint      gest_campaign_vehicles_covered (GestStore     *store,
                                           const char    *campaign_uuid,
                                           GError       **error);

/* --- The affected vehicles -------------------------------------------------------------- */

/* Moves an affected vehicle on the board. Refused: to "Por contactar" or later while its
 * parts are not covered (S3), a move back without @reason, CLOSED without a close-out (use
 * gest_campaign_vehicle_close()). */
gboolean gest_campaign_vehicle_move  (GestStore            *store,
                                      const char           *campaign_vehicle_uuid,
                                      GestCampaignStage     stage,
                                      const char           *reason,
                                      GError              **error);
/* Closes it out with @closeout ("Reparado" is DONE_HERE); @note required for NOT_APPLICABLE
 * and UNLOCATABLE. */
gboolean gest_campaign_vehicle_close (GestStore            *store,
                                      const char           *campaign_vehicle_uuid,
                                      GestCampaignCloseout  closeout,
                                      const char           *note,
                                      GError              **error);

/* --- The weekly review (S1) --------------------------------------------------------------- */

/* Stamps "revisado" for @campaign_uuid and the ISO week of @now (dealer's time zone) with
 * the counts of this moment. GEST_ERROR_REFUSED if this week is stamped already. */
gboolean   gest_campaign_review      (GestStore     *store,
                                      const char    *campaign_uuid,
                                      gint64         now,
                                      const char    *note,
                                      GError       **error);
/* The open campaigns not yet reviewed in @now's week: GPtrArray of GestCampaign. The page
 * shows it as the week's reminder. */
GPtrArray *gest_campaign_reviews_due (GestStore     *store,
                                      gint64         now,
                                      GError       **error);

/* --- For other modules (S8) --------------------------------------------------------------- */

/* One open field action of a vehicle: what every call and reservation tells the customer. */
typedef struct
{
  char             *campaign_uuid;
  char             *code;          /* "24S12" */
  GestCampaignKind  kind;
  char             *description;
  GestCampaignStage stage;         /* where the vehicle is on that campaign's board */
} GestOpenFieldAction;

void       gest_open_field_action_free (GestOpenFieldAction *action);
/* The vehicle's field actions not closed out, of campaigns not closed: GPtrArray of
 * GestOpenFieldAction by code (empty when none). Read-only; any thread with its connection. */
GPtrArray *gest_campaign_open_actions_for_vehicle (GestStore   *store,
                                                   const char  *vehicle_uuid,
                                                   GError     **error);
/* The same as one line for scripts and letters: "24S12 (Llamado a revisión de seguridad):
 * Reemplazo del módulo de bolsa de aire; 23B05 (…): …", or "" when none. */
char      *gest_campaign_open_actions_text (GestStore   *store,
                                            const char  *vehicle_uuid,
                                            GError     **error);
/* TRUE when @customer_uuid's contact data came only with a campaign's VIN list (the data-use
 * rule): only that recall may use it. */
gboolean   gest_campaign_customer_is_recall_only (GestStore   *store,
                                                  const char  *customer_uuid,
                                                  GError     **error);

/* The GestContactSource id of the field-action vehicles to contact (stage "Por contactar"). */
#define GEST_CAMPAIGN_CONTACT_SOURCE "campaigns.to-contact"

G_END_DECLS
