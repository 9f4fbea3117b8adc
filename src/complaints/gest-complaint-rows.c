/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-complaint-rows"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-complaint.h"
#include "gest-complaint-rows.h"
#include "gest-users.h"

static GStrv
fill (AdwComboRow *row,
      GPtrArray   *labels,
      GPtrArray   *uuids,
      const char  *selected_uuid)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  guint selected = 0;

  for (guint i = 0; i < labels->len; i++)
    {
      gtk_string_list_append (model, g_ptr_array_index (labels, i));
      if (selected_uuid != NULL && g_strcmp0 (g_ptr_array_index (uuids, i), selected_uuid) == 0)
        selected = i;
    }
  g_ptr_array_add (uuids, NULL);
  adw_combo_row_set_model (row, G_LIST_MODEL (model));
  adw_combo_row_set_selected (row, labels->len > 0 ? selected : GTK_INVALID_LIST_POSITION);
  return (GStrv) g_ptr_array_steal (uuids, NULL);
}

GStrv
gest_complaint_rows_fill_users (AdwComboRow *row,
                                GestStore   *store,
                                const char  *selected_uuid,
                                const char  *none_label)
{
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) uuids = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (ADW_IS_COMBO_ROW (row), NULL);

  if (none_label != NULL)
    {
      g_ptr_array_add (labels, g_strdup (none_label));
      g_ptr_array_add (uuids, g_strdup (""));
    }
  users = gest_users_list (store, &error);
  if (users == NULL)
    g_warning ("Cannot list the users: %s", error->message);
  for (guint i = 0; users != NULL && i < users->len; i++)
    {
      GestUserRow *user = g_ptr_array_index (users, i);

      if (!user->active)
        continue;
      /* Translators: a user in a list: "Laura Méndez Ortiz · Customer Service Analyst". */
      g_ptr_array_add (labels, g_strdup_printf (_("%s · %s"), user->name, gest_role_label (user->role)));
      g_ptr_array_add (uuids, g_strdup (user->uuid));
    }
  return fill (row, labels, uuids, selected_uuid);
}

GStrv
gest_complaint_rows_fill_catalog (AdwComboRow *row,
                                  GestStore   *store,
                                  const char  *kind,
                                  const char  *selected_uuid,
                                  const char  *none_label)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) uuids = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (ADW_IS_COMBO_ROW (row), NULL);

  if (none_label != NULL)
    {
      g_ptr_array_add (labels, g_strdup (none_label));
      g_ptr_array_add (uuids, g_strdup (""));
    }
  entries = gest_complaint_catalog_list (store, kind, FALSE, &error);
  if (entries == NULL)
    g_warning ("Cannot list the catalog %s: %s", kind, error->message);
  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      GestComplaintCatalogEntry *entry = g_ptr_array_index (entries, i);

      g_ptr_array_add (labels, g_strdup (entry->label));
      g_ptr_array_add (uuids, g_strdup (entry->uuid));
    }
  return fill (row, labels, uuids, selected_uuid);
}

const char *
gest_complaint_rows_selected (AdwComboRow *row,
                              GStrv        uuids)
{
  guint selected = adw_combo_row_get_selected (row);

  if (uuids == NULL || selected == GTK_INVALID_LIST_POSITION || selected >= g_strv_length (uuids))
    return NULL;
  return *uuids[selected] != '\0' ? uuids[selected] : NULL;
}
