/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-reservation-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-campaign.h"
#include "gest-reservation-dialog-private.h"

/* The reservation window's customer: the search by name, phone or plate, their vehicles and a
 * vehicle's open field actions (S8), and the customer's billing data (S11). */

#define MAX_MATCHES 8

/* --- The billing data (S11) ------------------------------------------------------------------ */

/* The billing group's data checked as the SAT's receiver rule does; NULL when complete. */
char *
gest_reservation_dialog_billing_error (GestReservationDialog *self)
{
  const GestBillingValues *billing = gest_billing_group_get_values (self->billing);
  g_autoptr(GError) error = NULL;

  if (self->values == NULL || self->values->customer_uuid == NULL)
    return NULL;
  if (gest_cfdi_check_receiver (billing->kind, billing->rfc, billing->name, billing->postal_code,
                                billing->regime, billing->use, billing->email, NULL, &error))
    return NULL;
  return g_strdup (error->message);
}

void
gest_reservation_dialog_billing_changed_cb (GestReservationDialog *self)
{
  g_autofree char *error = NULL;

  if (self->filling || self->values == NULL)
    return;
  error = gest_reservation_dialog_billing_error (self);
  gest_reservation_dialog_update_from_values (self, gest_reservation_form_values_set_invoice (self->values, self->values->needs_invoice,
                                                                      error));
}

static void
load_billing (GestReservationDialog *self,
              const char            *customer_uuid)
{
  g_clear_pointer (&self->billing_loaded, gest_billing_values_free);
  if (customer_uuid != NULL)
    self->billing_loaded = gest_customer_billing_load (self->store, customer_uuid, NULL);
  if (self->billing_loaded == NULL)
    self->billing_loaded = gest_billing_values_new ();
  self->filling = TRUE;
  gest_billing_group_set_values (self->billing, self->billing_loaded);
  self->filling = FALSE;
  gest_reservation_dialog_billing_changed_cb (self);
}

/* --- The customer and their vehicles ------------------------------------------------------ */

static void
fill_open_actions (GestReservationDialog *self,
                   const char            *vehicle_uuid)
{
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  if (vehicle_uuid != NULL)
    actions = gest_campaign_open_actions_for_vehicle (self->store, vehicle_uuid, NULL);
  for (guint i = 0; actions != NULL && i < actions->len; i++)
    {
      GestOpenFieldAction *action = g_ptr_array_index (actions, i);

      if (text->len > 0)
        g_string_append (text, "\n");
      g_string_append_printf (text, "%s: %s", action->code, action->description);
    }
  /* S8: the coordinator sees the vehicle's open field actions while booking it. */
  adw_action_row_set_subtitle (self->actions_row, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->actions_row), text->len > 0);
}

static void
load_vehicles (GestReservationDialog *self,
               const char            *customer_uuid,
               const char            *select_uuid)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint selected = GTK_INVALID_LIST_POSITION;

  g_ptr_array_set_size (self->vehicle_uuids, 0);
  g_array_set_size (self->vehicle_km, 0);
  if (customer_uuid != NULL)
    stmt = gest_store_prepare (self->store,
                               "SELECT uuid, model, year, plate, vin, km FROM vehicles"
                               " WHERE customer_uuid = ?1 AND deleted = 0 ORDER BY year DESC, model", NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, customer_uuid, -1, SQLITE_TRANSIENT);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *uuid = (const char *) sqlite3_column_text (stmt, 0);
          const char *plate = (const char *) sqlite3_column_text (stmt, 3);
          int km = sqlite3_column_int (stmt, 5);
          g_autofree char *label = g_strdup_printf ("%s %d · %s", (const char *) sqlite3_column_text (stmt, 1),
                                                    sqlite3_column_int (stmt, 2),
                                                    plate != NULL && *plate != '\0' ? plate
                                                    : (const char *) sqlite3_column_text (stmt, 4));

          if (g_strcmp0 (uuid, select_uuid) == 0)
            selected = self->vehicle_uuids->len;
          g_ptr_array_add (self->vehicle_uuids, g_strdup (uuid));
          g_array_append_val (self->vehicle_km, km);
          gtk_string_list_append (labels, label);
        }
    }
  /* One vehicle: it is the one. */
  if (selected == GTK_INVALID_LIST_POSITION && self->vehicle_uuids->len == 1)
    selected = 0;
  self->filling = TRUE;
  adw_combo_row_set_model (self->vehicle_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->vehicle_row, selected);
  self->filling = FALSE;
}

static void
choose_vehicle_at (GestReservationDialog *self,
                   guint                  position)
{
  const char *uuid = NULL;
  int km = 0;

  if (position < self->vehicle_uuids->len)
    {
      uuid = g_ptr_array_index (self->vehicle_uuids, position);
      km = g_array_index (self->vehicle_km, int, position);
    }
  fill_open_actions (self, uuid);
  gest_reservation_dialog_update_from_values (self, gest_reservation_form_values_set_vehicle (self->values, uuid, km));
}

static char *
customer_label (GestReservationDialog *self,
                const char            *uuid)
{
  g_autoptr(sqlite3_stmt) stmt = gest_store_prepare (self->store,
                                                     "SELECT name, phone_mobile FROM customers WHERE uuid = ?1", NULL);

  if (stmt == NULL)
    return g_strdup ("");
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return g_strdup ("");
  if (sqlite3_column_bytes (stmt, 1) > 0)
    return g_strdup_printf ("%s · %s", (const char *) sqlite3_column_text (stmt, 0),
                            (const char *) sqlite3_column_text (stmt, 1));
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

void
gest_reservation_dialog_set_customer (GestReservationDialog *self,
              const char            *uuid,
              const char            *vehicle_uuid)
{
  g_autofree char *label = customer_label (self, uuid);

  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->customer_row), label);
  self->filling = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->matches_list), FALSE);
  gest_reservation_dialog_update_from_values (self, gest_reservation_form_values_set_customer (self->values, uuid, label));
  load_billing (self, uuid);
  load_vehicles (self, uuid, vehicle_uuid);
  choose_vehicle_at (self, adw_combo_row_get_selected (self->vehicle_row));
}

void
gest_reservation_dialog_customer_search_changed_cb (GestReservationDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->customer_row));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *like = NULL;
  GtkWidget *child;

  if (self->filling || self->values == NULL)
    return;
  if (self->values->customer_uuid != NULL)
    gest_reservation_dialog_update_from_values (self, gest_reservation_form_values_set_customer (self->values, NULL, text));
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->matches_list))) != NULL)
    gtk_list_box_remove (self->matches_list, child);
  g_ptr_array_set_size (self->match_uuids, 0);
  if (g_utf8_strlen (text, -1) < 2)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->matches_list), FALSE);
      return;
    }
  /* A handful of rows by name prefix of a word, phone or plate: few enough for the window's
   * read-only connection (LIMIT, the customers' and vehicles' indexes). */
  like = g_strdup_printf ("%%%s%%", text);
  stmt = gest_store_prepare (self->store,
                             "SELECT c.uuid, c.name, c.phone_mobile FROM customers c"
                             " WHERE c.deleted = 0 AND (c.name LIKE ?1 OR c.phone_mobile LIKE ?1"
                             "  OR EXISTS (SELECT 1 FROM vehicles v WHERE v.customer_uuid = c.uuid"
                             "             AND v.deleted = 0 AND (v.plate LIKE ?1 OR v.vin LIKE ?1)))"
                             " ORDER BY c.name LIMIT " G_STRINGIFY (MAX_MATCHES), NULL);
  if (stmt == NULL)
    return;
  sqlite3_bind_text (stmt, 1, like, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), (const char *) sqlite3_column_text (stmt, 1));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), (const char *) sqlite3_column_text (stmt, 2));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_list_box_append (self->matches_list, row);
      g_ptr_array_add (self->match_uuids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->matches_list), self->match_uuids->len > 0);
}

void
gest_reservation_dialog_match_activated_cb (GestReservationDialog *self,
                    GtkListBoxRow         *row)
{
  int index = gtk_list_box_row_get_index (row);
  g_autofree char *uuid = NULL;

  if (index < 0 || (guint) index >= self->match_uuids->len)
    return;
  uuid = g_strdup (g_ptr_array_index (self->match_uuids, index));
  gest_reservation_dialog_set_customer (self, uuid, NULL);
}

void
gest_reservation_dialog_vehicle_changed_cb (GestReservationDialog *self)
{
  if (self->filling || self->values == NULL)
    return;
  choose_vehicle_at (self, adw_combo_row_get_selected (self->vehicle_row));
}
