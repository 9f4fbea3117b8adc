/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gest-store.h"

G_BEGIN_DECLS

/* Service visits (repair orders), the lapsed-maintenance rule (S4) and the parts and quotes to
 * call back (S5). Changes follow gest-campaign.h's rules (permission "retention.*",
 * transaction, activity entry, translated refusals). */

typedef enum
{
  GEST_VISIT_DELIVERY,      /* "delivery": a new vehicle handed over (starts its maintenance clock) */
  GEST_VISIT_MAINTENANCE,   /* "maintenance" */
  GEST_VISIT_REPAIR,        /* "repair" */
  GEST_VISIT_WARRANTY,      /* "warranty" */
  GEST_VISIT_FIELD_ACTION,  /* "field-action" */
  GEST_VISIT_OTHER,         /* "other" */
  GEST_N_VISIT_KINDS
} GestVisitKind;

const char *gest_visit_kind_id      (GestVisitKind kind);
const char *gest_visit_kind_label   (GestVisitKind kind);
gboolean    gest_visit_kind_from_id (const char   *id,
                                     GestVisitKind *out);

/* Months without a maintenance visit that make a vehicle lapsed (S4). */
#define GEST_LAPSED_MONTHS 6

/* Records a visit in the app. @closed_on NULL: the vehicle is in the workshop now. Dates
 * yyyy-mm-dd; refused: a day in the future, closed before opened, a negative or decreasing
 * mileage is only a warning (GEST_ERROR_INVALID for the rest). */
gboolean gest_service_visit_add   (GestStore      *store,
                                   const char     *vehicle_uuid,
                                   const char     *ro_number,
                                   const char     *opened_on,
                                   const char     *closed_on,
                                   guint           km,
                                   GestVisitKind   kind,
                                   char          **out_uuid,
                                   GError        **error);
gboolean gest_service_visit_close (GestStore      *store,
                                   const char     *visit_uuid,
                                   const char     *closed_on,
                                   GError        **error);

/* One bad row of a DMS file, as for VIN lists. */
typedef struct
{
  guint  line;
  char  *message;
} GestVisitImportProblem;

typedef struct
{
  guint      n_rows;
  guint      n_added;
  guint      n_updated;      /* a repair order already known (by ro_number) updated */
  GPtrArray *problems;       /* GestVisitImportProblem */
} GestVisitImportReport;

void gest_visit_import_report_free (GestVisitImportReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestVisitImportReport, gest_visit_import_report_free)

/* Imports the DMS's repair orders (CSV or XLSX: VIN, date, mileage, kind, repair order
 * number, closing date) in one transaction; unknown VINs and bad rows reported by line. */
GestVisitImportReport *gest_service_visits_import (GestStore     *store,
                                                   GFile         *file,
                                                   GCancellable  *cancellable,
                                                   GError       **error);

/* One vehicle of the lapsed-maintenance list of a month (S4). */
typedef struct
{
  char    *vehicle_uuid;
  char    *vin;
  char    *vehicle_text;
  char    *customer_uuid;
  char    *customer_name;
  char    *last_maintenance_on;      /* yyyy-mm-dd */
  gboolean recall_only_contact;      /* the data-use rule: not to be called for this */
  guint    n_open_field_actions;     /* S8 flag */
} GestLapsedVehicle;

void       gest_lapsed_vehicle_free (GestLapsedVehicle *vehicle);
/* The list of the month of @month_day (yyyy-mm-dd, any day of it), S4: the vehicles whose six
 * months without maintenance run out in that month, i.e. whose last delivery or maintenance
 * visit was in the month GEST_LAPSED_MONTHS months before (December 2026's list: last visit in
 * June 2026). Excluded: those in the workshop now (an open visit) and those that came early (a
 * maintenance visit after that one, even one in the list's own month). Open field actions are
 * flagged. GPtrArray of GestLapsedVehicle. Read-only. The queue's lapsed source offers the
 * current month's list. */
GPtrArray *gest_lapsed_maintenance_list (GestStore     *store,
                                         const char    *month_day,
                                         GCancellable  *cancellable,
                                         GError       **error);

typedef enum
{
  GEST_FOLLOWUP_PARTS,   /* "parts": call when they are in */
  GEST_FOLLOWUP_QUOTE,   /* "quote": operations or parts quoted and not authorised */
} GestFollowupKind;

/* S5: a customer to call back on @call_on about pending parts or a quote. */
gboolean gest_service_followup_add         (GestStore        *store,
                                            const char       *customer_uuid,
                                            const char       *vehicle_uuid,
                                            GestFollowupKind  kind,
                                            const char       *detail,
                                            const char       *call_on,
                                            char            **out_uuid,
                                            GError          **error);
/* The parts of a "parts" follow-up are in: it enters the queue on its day. */
gboolean gest_service_followup_parts_ready (GestStore        *store,
                                            const char       *followup_uuid,
                                            GError          **error);

/* The module's own contact sources (GestContactSource ids). */
#define GEST_RETENTION_SOURCE_LAPSED    "retention.lapsed-maintenance"
#define GEST_RETENTION_SOURCE_FOLLOWUP  "retention.followup"

G_END_DECLS
