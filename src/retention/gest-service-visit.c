/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-service-visit"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-activity-log.h"
#include "gest-date.h"
#include "gest-retention-workflow.h"
#include "gest-service-visit-private.h"

static const struct
{
  const char *id;
  const char *label;
} kinds[GEST_N_VISIT_KINDS] = {
  { "delivery", N_("Delivery") },
  { "maintenance", N_("Maintenance") },
  { "repair", N_("Repair") },
  { "warranty", N_("Warranty") },
  { "field-action", N_("Field action") },
  { "other", N_("Other") },
};

/* S4, S5: the lapsed-maintenance list of the current month (the cohort of six months before,
 * except customers whose contact data is the recall list's only, and vehicles without a
 * customer), and the follow-ups due (parts only once they are in). */
const GestContactSource gest_retention_contact_sources[] = {
  { GEST_RETENTION_SOURCE_FOLLOWUP, N_("Pending parts or quote"),
    "SELECT f.uuid AS record_uuid, f.customer_uuid, f.vehicle_uuid, f.call_on AS due_on,"
    " f.detail FROM service_followups f"
    " WHERE f.deleted = 0 AND f.done_at IS NULL AND f.call_on <= :today"
    " AND (f.kind = 'quote' OR f.parts_ready = 1)",
    20 },
  { GEST_RETENTION_SOURCE_LAPSED, N_("Lapsed maintenance"),
    "SELECT s.last_maintenance_uuid AS record_uuid, s.customer_uuid, s.vehicle_uuid,"
    " date (:today, 'start of month') AS due_on,"
    " 'Último mantenimiento: ' || substr (s.last_maintenance_on, 9, 2) || '/' ||"
    " substr (s.last_maintenance_on, 6, 2) || '/' || substr (s.last_maintenance_on, 1, 4) AS detail"
    " FROM vehicle_service_state s"
    " WHERE s.in_workshop = 0"
    " AND s.last_maintenance_on >= date (:today, 'start of month', '-6 months')"
    " AND s.last_maintenance_on < date (:today, 'start of month', '-5 months')"
    " AND s.customer_uuid IS NOT NULL"
    " AND NOT EXISTS (SELECT 1 FROM customer_data_origins o"
    "  WHERE o.customer_uuid = s.customer_uuid AND o.deleted = 0)",
    0 },
};
const guint gest_retention_n_contact_sources = G_N_ELEMENTS (gest_retention_contact_sources);

const char *
gest_visit_kind_id (GestVisitKind kind)
{
  g_return_val_if_fail (kind < GEST_N_VISIT_KINDS, "");
  return kinds[kind].id;
}

const char *
gest_visit_kind_label (GestVisitKind kind)
{
  g_return_val_if_fail (kind < GEST_N_VISIT_KINDS, "");
  return _(kinds[kind].label);
}

gboolean
gest_visit_kind_from_id (const char    *id,
                         GestVisitKind *out)
{
  for (guint i = 0; i < GEST_N_VISIT_KINDS; i++)
    if (g_strcmp0 (id, kinds[i].id) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

static gboolean
parse_day (const char  *iso,
           GDate       *out,
           GError     **error)
{
  if (iso != NULL && gest_date_from_iso (iso, out))
    return TRUE;
  g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
               _("“%s” is not a date: write it as dd/mm/yyyy."), iso != NULL ? iso : "");
  return FALSE;
}

gboolean
gest_service_visit_check_days (const char  *opened_on,
                               const char  *closed_on,
                               const GDate *today,
                               GError     **error)
{
  GDate opened, closed;

  if (!parse_day (opened_on, &opened, error))
    return FALSE;
  if (g_date_compare (&opened, today) > 0)
    {
      g_autofree char *text = gest_date_format (&opened);

      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("The visit cannot be on %s, a day in the future: write the day the vehicle came in."), text);
      return FALSE;
    }
  if (closed_on == NULL)
    return TRUE;
  if (!parse_day (closed_on, &closed, error))
    return FALSE;
  if (g_date_compare (&closed, &opened) < 0)
    {
      g_autofree char *closed_text = gest_date_format (&closed);
      g_autofree char *opened_text = gest_date_format (&opened);

      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("The repair order cannot close on %s, before it opened on %s: check both days."),
                   closed_text, opened_text);
      return FALSE;
    }
  if (g_date_compare (&closed, today) > 0)
    {
      g_autofree char *text = gest_date_format (&closed);

      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("The repair order cannot close on %s, a day in the future: close it on the day the vehicle leaves."),
                   text);
      return FALSE;
    }
  return TRUE;
}

/* The vehicle's VIN and the highest mileage of its visits (0 when none). */
static gboolean
load_vehicle (GestStore   *store,
              const char  *vehicle_uuid,
              char       **out_vin,
              guint       *out_km,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    gest_store_prepare (store,
                        "SELECT v.vin, (SELECT max (km) FROM service_visits WHERE vehicle_uuid = v.uuid"
                        " AND deleted = 0) FROM vehicles v WHERE v.uuid = ?1 AND v.deleted = 0", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, vehicle_uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out_vin = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      *out_km = sqlite3_column_int (stmt, 1);
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    return gest_store_set_error (store, error);
  g_set_error (error, GEST_ERROR, GEST_ERROR_NOT_FOUND,
               _("The vehicle of the visit is not in the database: choose the vehicle again."));
  return FALSE;
}

static gboolean
ro_taken (GestStore   *store,
          const char  *ro_number,
          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    gest_store_prepare (store, "SELECT 1 FROM service_visits WHERE ro_number = ?1 AND deleted = 0", error);
  int rc;

  if (stmt == NULL)
    return TRUE;
  sqlite3_bind_text (stmt, 1, ro_number, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return FALSE;
  if (rc == SQLITE_ROW)
    g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                 _("Repair order %s is recorded already: look for it in the vehicle’s visits."), ro_number);
  else
    gest_store_set_error (store, error);
  return TRUE;
}

static gboolean
visit_add (GestStore     *store,
           const char    *uuid,
           const char    *vehicle_uuid,
           const char    *ro_number,
           const char    *opened_on,
           const char    *closed_on,
           guint          km,
           GestVisitKind  kind,
           GError       **error)
{
  g_autofree char *user = gest_store_get_user_name (store);
  g_autofree char *vin = NULL;
  g_autofree char *text = NULL;
  g_autofree char *day = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 now = gest_timestamp_now ();
  GDate today, opened;
  guint max_km = 0;

  gest_date_today (&today);
  if (!gest_store_check_permission (store, GEST_RETENTION_PERMISSION_VISITS, error) ||
      !gest_service_visit_check_days (opened_on, closed_on, &today, error) ||
      !load_vehicle (store, vehicle_uuid, &vin, &max_km, error) ||
      (*ro_number != '\0' && ro_taken (store, ro_number, error)))
    return FALSE;
  stmt = gest_store_prepare (store,
                             "INSERT INTO service_visits (uuid, vehicle_uuid, ro_number, opened_on,"
                             " closed_on, km, kind, source, created_by, created_at, updated_at)"
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'app', ?8, ?9, ?9)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, vehicle_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, ro_number, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, opened_on, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, closed_on, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 6, km);
  sqlite3_bind_text (stmt, 7, gest_visit_kind_id (kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, user, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 9, now);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return gest_store_set_error (store, error);
  gest_date_from_iso (opened_on, &opened);
  day = gest_date_format (&opened);
  /* TRANSLATORS: "Service visit recorded: Maintenance on 06/12/2026, 15000 km, repair order 4521." */
  text = g_strdup_printf (_("Service visit recorded: %s on %s, %u km, repair order %s."),
                          gest_visit_kind_label (kind), day, km, *ro_number != '\0' ? ro_number : "—");
  if (km < max_km)
    {
      g_autofree char *warning = g_strdup_printf (_("The mileage is lower than that of an earlier visit (%u km)."), max_km);
      g_autofree char *joined = g_strconcat (text, " ", warning, NULL);

      g_free (text);
      text = g_steal_pointer (&joined);
    }
  return gest_activity_log_append (store, vehicle_uuid, GEST_ACTIVITY_VISIT, text, NULL, NULL, error) >= 0;
}

gboolean
gest_service_visit_add (GestStore      *store,
                        const char     *vehicle_uuid,
                        const char     *ro_number,
                        const char     *opened_on,
                        const char     *closed_on,
                        guint           km,
                        GestVisitKind   kind,
                        char          **out_uuid,
                        GError        **error)
{
  g_autofree char *uuid = gest_uuid_new ();
  g_autofree char *ro = g_strstrip (g_strdup (ro_number != NULL ? ro_number : ""));
  gboolean own = FALSE;
  gboolean ok;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (vehicle_uuid != NULL, FALSE);
  g_return_val_if_fail (kind < GEST_N_VISIT_KINDS, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!gest_store_begin_change (store, "gest_service_visit_add", &own, error))
    return FALSE;
  ok = visit_add (store, uuid, vehicle_uuid, ro, opened_on, closed_on, km, kind, error);
  if (!gest_store_end_change (store, "gest_service_visit_add", own, ok, error))
    return FALSE;
  if (out_uuid != NULL)
    *out_uuid = g_steal_pointer (&uuid);
  return TRUE;
}

static gboolean
visit_close (GestStore   *store,
             const char  *visit_uuid,
             const char  *closed_on,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *opened_on = NULL;
  g_autofree char *vehicle_uuid = NULL;
  g_autofree char *text = NULL;
  g_autofree char *day = NULL;
  GDate today, closed;
  gboolean open;
  int rc;

  if (!gest_store_check_permission (store, GEST_RETENTION_PERMISSION_VISITS, error))
    return FALSE;
  stmt = gest_store_prepare (store,
                             "SELECT opened_on, vehicle_uuid, closed_on IS NULL FROM service_visits"
                             " WHERE uuid = ?1 AND deleted = 0", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, visit_uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc != SQLITE_DONE)
        return gest_store_set_error (store, error);
      g_set_error (error, GEST_ERROR, GEST_ERROR_NOT_FOUND,
                   _("The visit is not in the database any more: refresh the vehicle’s visits."));
      return FALSE;
    }
  opened_on = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  vehicle_uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  open = sqlite3_column_int (stmt, 2) != 0;
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!open)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                   _("The visit is closed already: the vehicle left the workshop."));
      return FALSE;
    }
  gest_date_today (&today);
  if (!gest_service_visit_check_days (opened_on, closed_on, &today, error))
    return FALSE;
  stmt = gest_store_prepare (store,
                             "UPDATE service_visits SET closed_on = ?2, updated_at = ?3 WHERE uuid = ?1",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, visit_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, closed_on, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, gest_timestamp_now ());
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return gest_store_set_error (store, error);
  gest_date_from_iso (closed_on, &closed);
  day = gest_date_format (&closed);
  text = g_strdup_printf (_("The vehicle left the workshop on %s."), day);
  return gest_activity_log_append (store, vehicle_uuid, GEST_ACTIVITY_VISIT, text, NULL, NULL, error) >= 0;
}

gboolean
gest_service_visit_close (GestStore   *store,
                          const char  *visit_uuid,
                          const char  *closed_on,
                          GError     **error)
{
  gboolean own = FALSE;
  gboolean ok;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (visit_uuid != NULL, FALSE);

  if (closed_on == NULL)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("Write the day the vehicle left the workshop."));
      return FALSE;
    }
  if (!gest_store_begin_change (store, "gest_service_visit_close", &own, error))
    return FALSE;
  ok = visit_close (store, visit_uuid, closed_on, error);
  return gest_store_end_change (store, "gest_service_visit_close", own, ok, error);
}
