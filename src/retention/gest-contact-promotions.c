/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-contact-promotions"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-activity-log.h"
#include "gest-contact-letter-private.h"
#include "gest-date.h"
#include "gest-error.h"

/* The dealer's promotions (S15): told in calls and letters while valid, never to a customer
 * whose contact data came only with a VIN list (the data-use rule, in the callers). Changes
 * need GEST_CONTACT_PERMISSION_PROMOTIONS and are logged on the promotion. */

#define PROMOTION_COLUMNS "uuid, title, body, valid_from, valid_to"

static GestPromotion *
promotion_from_row (sqlite3_stmt *stmt)
{
  GestPromotion *promotion = g_new0 (GestPromotion, 1);

  promotion->uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  promotion->title = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  promotion->body = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  promotion->valid_from = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  promotion->valid_to = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  return promotion;
}

static char *
iso_to_display (const char *iso)
{
  GDate date;

  g_date_clear (&date, 1);
  if (iso == NULL || !gest_date_from_iso (iso, &date))
    return g_strdup (iso != NULL ? iso : "");
  return gest_date_format (&date);
}

void
gest_promotion_free (GestPromotion *promotion)
{
  if (promotion == NULL)
    return;
  g_free (promotion->uuid);
  g_free (promotion->title);
  g_free (promotion->body);
  g_free (promotion->valid_from);
  g_free (promotion->valid_to);
  g_free (promotion);
}

GPtrArray *
gest_promotions_list (GestStore   *store,
                      const char  *day,
                      GError     **error)
{
  g_autoptr(GPtrArray) promotions = g_ptr_array_new_with_free_func ((GDestroyNotify) gest_promotion_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (GEST_IS_STORE (store), NULL);

  stmt = gest_store_prepare (store,
                             "SELECT " PROMOTION_COLUMNS " FROM promotions WHERE deleted = 0"
                             " AND (?1 IS NULL OR (valid_from <= ?1 AND valid_to >= ?1))"
                             " ORDER BY valid_from, title, uuid", error);
  if (stmt == NULL)
    return NULL;
  if (day != NULL)
    sqlite3_bind_text (stmt, 1, day, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (promotions, promotion_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      gest_store_set_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&promotions);
}

char *
gest_contact_promotions_text (GestStore   *store,
                              const char  *day,
                              GError     **error)
{
  g_autoptr(GPtrArray) promotions = gest_promotions_list (store, day, error);
  g_autoptr(GString) text = NULL;

  if (promotions == NULL)
    return NULL;
  if (promotions->len == 0)
    return g_strdup ("");
  /* Spanish: it is told to the customer. */
  text = g_string_new (promotions->len == 1 ? "Promoción vigente: " : "Promociones vigentes: ");
  for (guint i = 0; i < promotions->len; i++)
    {
      GestPromotion *promotion = g_ptr_array_index (promotions, i);
      g_autofree char *until = iso_to_display (promotion->valid_to);
      g_autofree char *body = g_strstrip (g_strdup (promotion->body != NULL ? promotion->body : ""));

      if (i > 0)
        g_string_append (text, "; ");
      g_string_append (text, promotion->title);
      if (body[0] != '\0')
        g_string_append_printf (text, ": %s", body);
      g_string_append_printf (text, " (válida hasta el %s)", until);
    }
  g_string_append_c (text, '.');
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
check_fields (const GestPromotion  *promotion,
              GError              **error)
{
  g_autofree char *title = g_strstrip (g_strdup (promotion->title != NULL ? promotion->title : ""));
  GDate from, to;

  if (title[0] == '\0')
    {
      g_set_error_literal (error, GEST_ERROR, GEST_ERROR_INVALID,
                           _("The promotion has no title. Write the title customers will hear, for example "
                             "“Free car wash with any service”."));
      return FALSE;
    }
  g_date_clear (&from, 1);
  g_date_clear (&to, 1);
  if (promotion->valid_from == NULL || !gest_date_from_iso (promotion->valid_from, &from))
    {
      g_set_error_literal (error, GEST_ERROR, GEST_ERROR_INVALID,
                           _("The promotion has no valid start date. Enter the first day it is valid as dd/mm/yyyy."));
      return FALSE;
    }
  if (promotion->valid_to == NULL || !gest_date_from_iso (promotion->valid_to, &to))
    {
      g_set_error_literal (error, GEST_ERROR, GEST_ERROR_INVALID,
                           _("The promotion has no valid end date. Enter the last day it is valid as dd/mm/yyyy."));
      return FALSE;
    }
  if (g_date_compare (&to, &from) < 0)
    {
      g_autofree char *from_text = gest_date_format (&from);
      g_autofree char *to_text = gest_date_format (&to);

      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("The promotion ends on %s, before it starts on %s. Correct one of the two dates."),
                   to_text, from_text);
      return FALSE;
    }
  return TRUE;
}

gboolean
gest_promotion_save (GestStore            *store,
                     const GestPromotion  *promotion,
                     char                **out_uuid,
                     GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *title = NULL;
  g_autofree char *text = NULL;
  g_autofree char *user_uuid = NULL;
  gboolean creating;
  gboolean own = FALSE;
  gboolean ok;
  gint64 now = g_get_real_time ();

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (promotion != NULL, FALSE);

  if (!check_fields (promotion, error))
    return FALSE;
  creating = promotion->uuid == NULL;
  uuid = creating ? gest_uuid_new () : g_strdup (promotion->uuid);
  title = g_strstrip (g_strdup (promotion->title));
  if (gest_store_get_user (store) != NULL)
    user_uuid = g_strdup (gest_store_get_user (store)->uuid);

  if (!gest_store_begin_change (store, "promotion_save", &own, error))
    return FALSE;
  ok = gest_store_check_permission (store, GEST_CONTACT_PERMISSION_PROMOTIONS, error);
  if (ok && creating)
    stmt = gest_store_prepare (store,
                               "INSERT INTO promotions (uuid, title, body, valid_from, valid_to, created_by,"
                               " created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)", error);
  else if (ok)
    stmt = gest_store_prepare (store,
                               "UPDATE promotions SET title = ?2, body = ?3, valid_from = ?4, valid_to = ?5,"
                               " updated_at = max (updated_at + 1, ?7) WHERE uuid = ?1 AND deleted = 0", error);
  ok = ok && stmt != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, title, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, promotion->body != NULL ? promotion->body : "", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, promotion->valid_from, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, promotion->valid_to, -1, SQLITE_STATIC);
      if (creating)
        sqlite3_bind_text (stmt, 6, user_uuid != NULL ? user_uuid : "", -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 7, now);
      ok = sqlite3_step (stmt) == SQLITE_DONE;
      if (!ok)
        gest_store_set_error (store, error);
    }
  if (ok && !creating && sqlite3_changes (gest_store_get_db (store)) == 0)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_NOT_FOUND,
                   _("The promotion “%s” was deleted meanwhile. Create it again if it is still valid."), title);
      ok = FALSE;
    }
  if (ok)
    {
      g_autofree char *from = iso_to_display (promotion->valid_from);
      g_autofree char *to = iso_to_display (promotion->valid_to);

      text = creating ? g_strdup_printf (_("Promotion “%s” created, valid from %s to %s."), title, from, to)
                      : g_strdup_printf (_("Promotion “%s” changed, valid from %s to %s."), title, from, to);
      ok = gest_activity_log_append (store, uuid, GEST_ACTIVITY_NOTE, text, NULL, NULL, error) >= 0;
    }
  if (!gest_store_end_change (store, "promotion_save", own, ok, ok ? error : NULL) || !ok)
    return FALSE;
  if (out_uuid != NULL)
    *out_uuid = g_steal_pointer (&uuid);
  return TRUE;
}

gboolean
gest_promotion_delete (GestStore   *store,
                       const char  *uuid,
                       GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *title = NULL;
  gboolean own = FALSE;
  gboolean ok;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  if (!gest_store_begin_change (store, "promotion_delete", &own, error))
    return FALSE;
  ok = gest_store_check_permission (store, GEST_CONTACT_PERMISSION_PROMOTIONS, error);
  if (ok)
    {
      stmt = gest_store_prepare (store, "SELECT title FROM promotions WHERE uuid = ?1 AND deleted = 0", error);
      ok = stmt != NULL;
    }
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        title = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      else
        {
          g_set_error_literal (error, GEST_ERROR, GEST_ERROR_NOT_FOUND,
                               _("The promotion was deleted already. Reload the list."));
          ok = FALSE;
        }
      g_clear_pointer (&stmt, sqlite3_finalize);
    }
  if (ok)
    {
      stmt = gest_store_prepare (store,
                                 "UPDATE promotions SET deleted = 1, updated_at = max (updated_at + 1, ?2)"
                                 " WHERE uuid = ?1", error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (stmt, 2, g_get_real_time ());
          ok = sqlite3_step (stmt) == SQLITE_DONE;
          if (!ok)
            gest_store_set_error (store, error);
        }
    }
  if (ok)
    {
      g_autofree char *text = g_strdup_printf (_("Promotion “%s” deleted."), title);

      ok = gest_activity_log_append (store, uuid, GEST_ACTIVITY_NOTE, text, NULL, NULL, error) >= 0;
    }
  return gest_store_end_change (store, "promotion_delete", own, ok, ok ? error : NULL) && ok;
}
