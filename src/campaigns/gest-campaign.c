/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-campaign"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gest-activity-log.h"
#include "gest-campaign-private.h"
#include "gest-campaign-workflow.h"
#include "gest-date.h"

static const char * const kind_ids[GEST_N_CAMPAIGN_KINDS] = {
  "safety-recall", "satisfaction", "emissions",
};
static const char * const kind_labels[GEST_N_CAMPAIGN_KINDS] = {
  N_("Safety recall"), N_("Customer satisfaction program"), N_("Emissions"),
};
static const char * const stage_labels[GEST_N_CAMPAIGN_STAGES] = {
  N_("Parts pending"), N_("To contact"), N_("Contacted"), N_("Appointment booked"), N_("Repaired"),
};
static const char * const closeout_ids[GEST_N_CAMPAIGN_CLOSEOUTS] = {
  "done-here", "done-elsewhere", "not-applicable", "unlocatable",
};
static const char * const closeout_labels[GEST_N_CAMPAIGN_CLOSEOUTS] = {
  N_("Repaired here"), N_("Repaired at another dealer"), N_("Not applicable"), N_("Vehicle unlocatable"),
};
static const char * const part_status_ids[GEST_N_CAMPAIGN_PART_STATUSES] = {
  "requested", "ordered", "back-ordered", "received",
};
static const char * const part_status_labels[GEST_N_CAMPAIGN_PART_STATUSES] = {
  N_("Requested"), N_("Ordered"), N_("Back-ordered"), N_("Received"),
};

#define CAMPAIGN_COLUMNS \
  "uuid, code, kind, description, labour_notes, parts_notes, starts_on, ends_on, needs_parts," \
  " coalesce (closed_at, 0), updated_at"

static gboolean
from_id (const char * const *ids,
         guint               n,
         const char         *id,
         guint              *out)
{
  for (guint i = 0; id != NULL && i < n; i++)
    if (strcmp (ids[i], id) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

const char *
gest_campaign_stage_label (GestCampaignStage stage)
{
  g_return_val_if_fail (stage < GEST_N_CAMPAIGN_STAGES, "");
  return _(stage_labels[stage]);
}

const char *
gest_campaign_kind_id (GestCampaignKind kind)
{
  g_return_val_if_fail (kind < GEST_N_CAMPAIGN_KINDS, "");
  return kind_ids[kind];
}

const char *
gest_campaign_kind_label (GestCampaignKind kind)
{
  g_return_val_if_fail (kind < GEST_N_CAMPAIGN_KINDS, "");
  return _(kind_labels[kind]);
}

gboolean
gest_campaign_kind_from_id (const char       *id,
                            GestCampaignKind *out)
{
  guint i;

  if (!from_id (kind_ids, GEST_N_CAMPAIGN_KINDS, id, &i))
    return FALSE;
  *out = i;
  return TRUE;
}

gboolean
gest_campaign_kind_has_dates (GestCampaignKind kind)
{
  return kind == GEST_CAMPAIGN_KIND_SATISFACTION || kind == GEST_CAMPAIGN_KIND_EMISSIONS;
}

const char *
gest_campaign_closeout_id (GestCampaignCloseout closeout)
{
  g_return_val_if_fail (closeout < GEST_N_CAMPAIGN_CLOSEOUTS, "");
  return closeout_ids[closeout];
}

const char *
gest_campaign_closeout_label (GestCampaignCloseout closeout)
{
  g_return_val_if_fail (closeout < GEST_N_CAMPAIGN_CLOSEOUTS, "");
  return _(closeout_labels[closeout]);
}

gboolean
gest_campaign_closeout_from_id (const char           *id,
                                GestCampaignCloseout *out)
{
  guint i;

  if (!from_id (closeout_ids, GEST_N_CAMPAIGN_CLOSEOUTS, id, &i))
    return FALSE;
  *out = i;
  return TRUE;
}

const char *
gest_campaign_part_status_id (GestCampaignPartStatus status)
{
  g_return_val_if_fail (status < GEST_N_CAMPAIGN_PART_STATUSES, "");
  return part_status_ids[status];
}

const char *
gest_campaign_part_status_label (GestCampaignPartStatus status)
{
  g_return_val_if_fail (status < GEST_N_CAMPAIGN_PART_STATUSES, "");
  return _(part_status_labels[status]);
}

gboolean
gest_campaign_part_status_from_id (const char             *id,
                                   GestCampaignPartStatus *out)
{
  guint i;

  if (!from_id (part_status_ids, GEST_N_CAMPAIGN_PART_STATUSES, id, &i))
    return FALSE;
  *out = i;
  return TRUE;
}

/* --- Shared helpers --------------------------------------------------------------------- */

char *
gest_campaign_query_text (GestStore   *store,
                          const char  *sql,
                          const char  *arg,
                          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = gest_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  if (arg != NULL)
    sqlite3_bind_text (stmt, 1, arg, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    gest_store_set_error (store, error);
  return NULL;
}

gint64
gest_campaign_query_int (GestStore   *store,
                         const char  *sql,
                         const char  *arg,
                         gint64       fallback,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = gest_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return fallback;
  if (arg != NULL)
    sqlite3_bind_text (stmt, 1, arg, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    return sqlite3_column_int64 (stmt, 0);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    gest_store_set_error (store, error);
  return fallback;
}

gboolean
gest_campaign_count_stages (GestStore   *store,
                            const char  *campaign_uuid,
                            guint       *counts,
                            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  memset (counts, 0, sizeof (guint) * GEST_N_CAMPAIGN_STAGES);
  stmt = gest_store_prepare (store,
                             "SELECT stage, count (*) FROM campaign_vehicles"
                             " WHERE campaign_uuid = ?1 AND deleted = 0 GROUP BY stage", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, campaign_uuid, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int stage = sqlite3_column_int (stmt, 0);

      if (stage >= 0 && stage < GEST_N_CAMPAIGN_STAGES)
        counts[stage] = (guint) sqlite3_column_int64 (stmt, 1);
    }
  if (rc != SQLITE_DONE)
    return gest_store_set_error (store, error);
  return TRUE;
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static GestCampaign *
campaign_from_row (sqlite3_stmt *stmt)
{
  GestCampaign *campaign = g_new0 (GestCampaign, 1);

  campaign->uuid = dup_column (stmt, 0);
  campaign->code = dup_column (stmt, 1);
  if (!gest_campaign_kind_from_id ((const char *) sqlite3_column_text (stmt, 2), &campaign->kind))
    campaign->kind = GEST_CAMPAIGN_KIND_SAFETY_RECALL;
  campaign->description = dup_column (stmt, 3);
  campaign->labour_notes = dup_column (stmt, 4);
  campaign->parts_notes = dup_column (stmt, 5);
  campaign->starts_on = dup_column (stmt, 6);
  campaign->ends_on = dup_column (stmt, 7);
  campaign->needs_parts = sqlite3_column_int (stmt, 8) != 0;
  campaign->closed_at = sqlite3_column_int64 (stmt, 9);
  return campaign;
}

void
gest_campaign_free (GestCampaign *campaign)
{
  if (campaign == NULL)
    return;
  g_free (campaign->uuid);
  g_free (campaign->code);
  g_free (campaign->description);
  g_free (campaign->labour_notes);
  g_free (campaign->parts_notes);
  g_free (campaign->starts_on);
  g_free (campaign->ends_on);
  g_free (campaign);
}

/* Loads one campaign with @where (?1 bound to @arg), with its counts. */
static GestCampaign *
load_where (GestStore   *store,
            const char  *where,
            const char  *arg,
            gint64      *out_version,
            GError     **error)
{
  g_autofree char *sql = g_strconcat ("SELECT " CAMPAIGN_COLUMNS " FROM campaigns WHERE ", where, NULL);
  g_autoptr(sqlite3_stmt) stmt = gest_store_prepare (store, sql, error);
  g_autoptr(GestCampaign) campaign = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, arg, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, GEST_ERROR, GEST_ERROR_NOT_FOUND,
                     _("There is no campaign “%s”: check the code in the campaigns list."), arg);
      else
        gest_store_set_error (store, error);
      return NULL;
    }
  campaign = campaign_from_row (stmt);
  if (out_version != NULL)
    *out_version = sqlite3_column_int64 (stmt, 10);
  if (!gest_campaign_count_stages (store, campaign->uuid, campaign->counts, error))
    return NULL;
  return g_steal_pointer (&campaign);
}

GestCampaign *
gest_campaign_load (GestStore   *store,
                    const char  *uuid,
                    GError     **error)
{
  g_return_val_if_fail (GEST_IS_STORE (store), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);
  return load_where (store, "uuid = ?1 AND deleted = 0", uuid, NULL, error);
}

GestCampaign *
gest_campaign_find_by_code (GestStore   *store,
                            const char  *code,
                            GError     **error)
{
  g_autofree char *clean = NULL;

  g_return_val_if_fail (GEST_IS_STORE (store), NULL);
  g_return_val_if_fail (code != NULL, NULL);
  clean = g_ascii_strup (g_strstrip (g_strdup (code)), -1);
  return load_where (store, "code = ?1 AND deleted = 0", clean, NULL, error);
}

GPtrArray *
gest_campaign_list (GestStore  *store,
                    GError    **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) gest_campaign_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) counts = NULL;
  int rc;

  g_return_val_if_fail (GEST_IS_STORE (store), NULL);
  stmt = gest_store_prepare (store,
                             "SELECT " CAMPAIGN_COLUMNS " FROM campaigns WHERE deleted = 0"
                             " ORDER BY closed_at IS NOT NULL, code", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, campaign_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      gest_store_set_error (store, error);
      return NULL;
    }
  for (guint i = 0; i < list->len; i++)
    {
      GestCampaign *campaign = g_ptr_array_index (list, i);

      if (!gest_campaign_count_stages (store, campaign->uuid, campaign->counts, error))
        return NULL;
    }
  return g_steal_pointer (&list);
}

/* --- Create and edit (S1) ---------------------------------------------------------------- */

typedef struct
{
  char             *code;
  GestCampaignKind  kind;
  char             *description;
  char             *labour_notes;
  char             *parts_notes;
  char             *starts_on;
  char             *ends_on;
  gboolean          needs_parts;
} Clean;

static void
clean_clear (Clean *clean)
{
  g_free (clean->code);
  g_free (clean->description);
  g_free (clean->labour_notes);
  g_free (clean->parts_notes);
  g_free (clean->starts_on);
  g_free (clean->ends_on);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Clean, clean_clear)

static char *
strip_or_empty (const char *text)
{
  return g_strstrip (g_strdup (text != NULL ? text : ""));
}

/* Ford's field-action codes: two digits of the year, a letter, two or three digits (24S12,
 * 23B05, 22E01). */
static gboolean
code_is_valid (const char *code)
{
  size_t len = strlen (code);

  if (len < 5 || len > 6 || !g_ascii_isdigit (code[0]) || !g_ascii_isdigit (code[1]) ||
      !g_ascii_isupper (code[2]))
    return FALSE;
  for (size_t i = 3; i < len; i++)
    if (!g_ascii_isdigit (code[i]))
      return FALSE;
  return TRUE;
}

static gboolean
clean_date (const char  *text,
            gboolean     end,
            char       **out,
            GError     **error)
{
  g_autofree char *clean = strip_or_empty (text);
  GDate date;

  if (*clean == '\0')
    return TRUE;
  if (!gest_date_from_iso (clean, &date))
    {
      if (end)
        g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                     _("The end date “%s” is not a date: write it as dd/mm/yyyy."), clean);
      else
        g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                     _("The start date “%s” is not a date: write it as dd/mm/yyyy."), clean);
      return FALSE;
    }
  *out = gest_date_to_iso (&date);
  return TRUE;
}

static gboolean
clean_fields (const GestCampaignFields *fields,
              Clean                    *out,
              GError                  **error)
{
  if (fields->kind >= GEST_N_CAMPAIGN_KINDS)
    {
      g_set_error_literal (error, GEST_ERROR, GEST_ERROR_INVALID,
                           _("Choose the campaign’s type: safety recall, customer satisfaction program or emissions."));
      return FALSE;
    }
  out->kind = fields->kind;
  out->code = g_ascii_strup (g_strstrip (g_strdup (fields->code != NULL ? fields->code : "")), -1);
  if (!code_is_valid (out->code))
    {
      if (*out->code == '\0')
        g_set_error_literal (error, GEST_ERROR, GEST_ERROR_INVALID,
                             _("Write the campaign’s code as Ford gives it: two digits of the year, a letter and two digits, such as 24S12."));
      else
        g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                     _("“%s” is not a Ford campaign code: two digits of the year, a letter and two digits, such as 24S12."),
                     out->code);
      return FALSE;
    }
  out->description = strip_or_empty (fields->description);
  if (*out->description == '\0')
    {
      g_set_error_literal (error, GEST_ERROR, GEST_ERROR_INVALID,
                           _("Describe the campaign: what Ford asks to check or replace."));
      return FALSE;
    }
  out->labour_notes = strip_or_empty (fields->labour_notes);
  out->parts_notes = strip_or_empty (fields->parts_notes);
  out->needs_parts = fields->needs_parts;
  if (!clean_date (fields->starts_on, FALSE, &out->starts_on, error) ||
      !clean_date (fields->ends_on, TRUE, &out->ends_on, error))
    return FALSE;
  if (!gest_campaign_kind_has_dates (out->kind))
    {
      if (out->starts_on != NULL || out->ends_on != NULL)
        {
          g_set_error_literal (error, GEST_ERROR, GEST_ERROR_INVALID,
                               _("A safety recall has no start or end date: it lasts until every vehicle is repaired. Leave the dates empty."));
          return FALSE;
        }
      return TRUE;
    }
  if (out->starts_on == NULL || out->ends_on == NULL)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("A campaign of type “%s” has a start and an end date: write both, as Ford’s bulletin gives them."),
                   gest_campaign_kind_label (out->kind));
      return FALSE;
    }
  if (strcmp (out->ends_on, out->starts_on) < 0)
    {
      g_set_error_literal (error, GEST_ERROR, GEST_ERROR_INVALID,
                           _("The campaign ends before it starts: check the end date."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_code_free (GestStore   *store,
                 const char  *code,
                 const char  *except_uuid,
                 GError     **error)
{
  g_autoptr(GError) local = NULL;
  g_autofree char *uuid = gest_campaign_query_text (store,
                                                    "SELECT uuid FROM campaigns WHERE code = ?1 AND deleted = 0",
                                                    code, &local);

  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (uuid != NULL && g_strcmp0 (uuid, except_uuid) != 0)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                   _("Campaign %s exists already: open it from the campaigns list instead of creating it again."),
                   code);
      return FALSE;
    }
  return TRUE;
}

static void
bind_clean (sqlite3_stmt *stmt,
            const Clean  *clean)
{
  sqlite3_bind_text (stmt, 1, clean->code, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, kind_ids[clean->kind], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, clean->description, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, clean->labour_notes, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, clean->parts_notes, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, clean->starts_on, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, clean->ends_on, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 8, clean->needs_parts ? 1 : 0);
}

static gboolean
insert_campaign (GestStore    *store,
                 const Clean  *clean,
                 const char   *uuid,
                 GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *user = gest_store_get_user_name (store);
  g_autofree char *text = NULL;
  gint64 now = gest_timestamp_now ();

  stmt = gest_store_prepare (store,
                             "INSERT INTO campaigns (code, kind, description, labour_notes, parts_notes,"
                             " starts_on, ends_on, needs_parts, uuid, created_by, created_at, updated_at)"
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)", error);
  if (stmt == NULL)
    return FALSE;
  bind_clean (stmt, clean);
  sqlite3_bind_text (stmt, 9, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, user, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 11, now);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return gest_store_set_error (store, error);
  text = g_strdup_printf (_("Campaign %s created (%s): %s."), clean->code,
                          gest_campaign_kind_label (clean->kind), clean->description);
  return gest_activity_log_append (store, uuid, GEST_ACTIVITY_STATUS, text, NULL, NULL, error) >= 0;
}

gboolean
gest_campaign_create (GestStore                 *store,
                      const GestCampaignFields  *fields,
                      char                     **out_uuid,
                      GError                   **error)
{
  g_auto(Clean) clean = { 0 };
  g_autofree char *uuid = gest_uuid_new ();
  gboolean own = FALSE;
  gboolean ok;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (fields != NULL, FALSE);

  if (!gest_store_begin_change (store, "gest_campaign_create", &own, error))
    return FALSE;
  ok = gest_store_check_permission (store, GEST_CAMPAIGN_PERMISSION_MANAGE, error) &&
       clean_fields (fields, &clean, error) &&
       check_code_free (store, clean.code, NULL, error) &&
       insert_campaign (store, &clean, uuid, error);
  if (!gest_store_end_change (store, "gest_campaign_create", own, ok, ok ? error : NULL) || !ok)
    return FALSE;
  if (out_uuid != NULL)
    *out_uuid = g_steal_pointer (&uuid);
  return TRUE;
}

static gpointer
update_load (GestStore   *store,
             const char  *uuid,
             gint64      *out_version,
             gpointer     user_data,
             GError     **error)
{
  return load_where (store, "uuid = ?1 AND deleted = 0", uuid, out_version, error);
}

static gboolean
update_check (GestStore      *store,
              gconstpointer   record,
              gpointer        user_data,
              GError        **error)
{
  const GestCampaign *campaign = record;
  Clean *clean = user_data;

  return gest_store_check_permission (store, GEST_CAMPAIGN_PERMISSION_MANAGE, error) &&
         check_code_free (store, clean->code, campaign->uuid, error);
}

static void
update_bind (sqlite3_stmt  *stmt,
             gconstpointer  record,
             gpointer       user_data)
{
  bind_clean (stmt, user_data);
}

static char *
update_describe (gconstpointer record,
                 gpointer      user_data)
{
  const Clean *clean = user_data;

  return g_strdup_printf (_("Campaign %s edited (%s): %s."), clean->code,
                          gest_campaign_kind_label (clean->kind), clean->description);
}

gboolean
gest_campaign_update (GestStore                 *store,
                      const char                *uuid,
                      const GestCampaignFields  *fields,
                      GError                   **error)
{
  static const GestRecordChangeSpec spec = {
    .name = "gest_campaign_update",
    .table = "campaigns",
    .set = "code = ?1, kind = ?2, description = ?3, labour_notes = ?4, parts_notes = ?5,"
           " starts_on = ?6, ends_on = ?7, needs_parts = ?8",
    .load = update_load,
    .free_record = (GDestroyNotify) gest_campaign_free,
    .check = update_check,
    .bind = update_bind,
    .describe = update_describe,
    .log_kind = GEST_ACTIVITY_STATUS,
    .conflict_message = N_("The campaign changed while it was being edited. Open it again and retry."),
  };
  g_auto(Clean) clean = { 0 };
  gboolean own = FALSE;
  gboolean ok;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (uuid != NULL && fields != NULL, FALSE);

  if (!clean_fields (fields, &clean, error))
    return FALSE;
  /* needs_parts may have gone: the vehicles it held back go to "Por contactar" (S3). */
  if (!gest_store_begin_change (store, "gest_campaign_update_all", &own, error))
    return FALSE;
  ok = gest_record_change_run (store, &spec, uuid, &clean, error) &&
       gest_campaign_release (store, uuid, NULL, error);
  return gest_store_end_change (store, "gest_campaign_update_all", own, ok, ok ? error : NULL) && ok;
}
