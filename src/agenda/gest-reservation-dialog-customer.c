/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-reservation-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-field-error.h"
#include "gest-reservation-dialog-private.h"

/* The reservation window's customer: the search by name, phone or plate, their vehicles and a
 * vehicle's open field actions (S8), and the customer's billing data (S11). Every read runs on
 * the window's reader thread (gest-reservation-reader.h): the search after a typing pause,
 * the chosen customer's data at once; a newer search or choice drops an older one's result. */

#define MAX_MATCHES 8
/* The typing pause after which the search runs. */
#define SEARCH_PAUSE_MS 200

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

/* Runs @func on the window's reader thread (its connection opened by the first read), with
 * the current search's cancellable; @callback gets a reference to the window. Nothing once
 * the window is disposed. */
static void
run_read (GestReservationDialog   *self,
          GestReservationReadFunc  func,
          gpointer                 data,
          GDestroyNotify           data_free,
          GDestroyNotify           result_free,
          GAsyncReadyCallback      callback)
{
  if (self->search_cancellable == NULL)
    {
      data_free (data);
      return;
    }
  if (self->reader == NULL)
    self->reader = gest_reservation_reader_new (gest_store_get_path (self->store));
  gest_reservation_reader_run_async (self->reader, func, data, data_free, result_free, self->search_cancellable,
                                     callback, g_object_ref (self));
}

static void
show_billing (GestReservationDialog *self,
              GestBillingValues     *billing)
{
  g_clear_pointer (&self->billing_loaded, gest_billing_values_free);
  self->billing_loaded = billing != NULL ? billing : gest_billing_values_new ();
  self->filling = TRUE;
  gest_billing_group_set_values (self->billing, self->billing_loaded);
  self->filling = FALSE;
  gest_reservation_dialog_billing_changed_cb (self);
}

/* --- The customer and their vehicles, read on the reader's thread ------------------------ */

typedef struct
{
  char  *customer_uuid;
  char  *vehicle_uuid;      /* to choose, when given */
  guint  serial;
} CustomerRead;

typedef struct
{
  char *uuid;
  char *label;              /* "Escape 2019 · ABC-123-D" */
  int   km;
  char *open_actions;       /* "24S12: Reemplazo del inflador", one a line; "" when none */
} Vehicle;

typedef struct
{
  char              *label; /* "Juan Pérez López · 5512345678" */
  GestBillingValues *billing;
  GPtrArray         *vehicles;
} Customer;

static void
customer_read_free (CustomerRead *read)
{
  g_free (read->customer_uuid);
  g_free (read->vehicle_uuid);
  g_free (read);
}

static void
vehicle_free (Vehicle *vehicle)
{
  g_free (vehicle->uuid);
  g_free (vehicle->label);
  g_free (vehicle->open_actions);
  g_free (vehicle);
}

static void
customer_free (Customer *customer)
{
  g_free (customer->label);
  g_clear_pointer (&customer->billing, gest_billing_values_free);
  g_ptr_array_unref (customer->vehicles);
  g_free (customer);
}

static char *
read_label (GestStore  *store,
            const char *uuid)
{
  g_autoptr(sqlite3_stmt) stmt = gest_store_prepare (store, "SELECT name, phone_mobile FROM customers WHERE uuid = ?1",
                                                     NULL);

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

static GPtrArray *
read_vehicles (GestStore  *store,
               const char *customer_uuid)
{
  GPtrArray *vehicles = g_ptr_array_new_with_free_func ((GDestroyNotify) vehicle_free);
  g_autoptr(sqlite3_stmt) stmt = gest_store_prepare (store,
                                                     "SELECT uuid, model, year, plate, vin, km FROM vehicles"
                                                     " WHERE customer_uuid = ?1 AND deleted = 0 ORDER BY year DESC, model",
                                                     NULL);

  if (stmt == NULL)
    return vehicles;
  sqlite3_bind_text (stmt, 1, customer_uuid, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Vehicle *vehicle = g_new0 (Vehicle, 1);
      const char *plate = (const char *) sqlite3_column_text (stmt, 3);

      vehicle->uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      vehicle->label = g_strdup_printf ("%s %d · %s", (const char *) sqlite3_column_text (stmt, 1),
                                        sqlite3_column_int (stmt, 2),
                                        plate != NULL && *plate != '\0' ? plate
                                        : (const char *) sqlite3_column_text (stmt, 4));
      vehicle->km = sqlite3_column_int (stmt, 5);
      g_ptr_array_add (vehicles, vehicle);
    }
  for (guint i = 0; i < vehicles->len; i++)
    {
      Vehicle *vehicle = g_ptr_array_index (vehicles, i);

      /* S8: the coordinator sees the vehicle's open field actions while booking it. */
      vehicle->open_actions = gest_reservation_read_open_actions (store, vehicle->uuid, NULL);
      if (vehicle->open_actions == NULL)
        vehicle->open_actions = g_strdup ("");
    }
  return vehicles;
}

static gpointer
customer_func (GestStore     *store,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  CustomerRead *read = data;
  Customer *customer = g_new0 (Customer, 1);

  customer->label = read_label (store, read->customer_uuid);
  customer->billing = gest_customer_billing_load (store, read->customer_uuid, NULL);
  customer->vehicles = read_vehicles (store, read->customer_uuid);
  return customer;
}

static void
choose_vehicle_at (GestReservationDialog *self,
                   guint                  position)
{
  const char *uuid = NULL;
  const char *actions = "";
  int km = 0;

  if (position < self->vehicle_uuids->len)
    {
      uuid = g_ptr_array_index (self->vehicle_uuids, position);
      km = g_array_index (self->vehicle_km, int, position);
      actions = g_ptr_array_index (self->vehicle_actions, position);
    }
  adw_action_row_set_subtitle (self->actions_row, actions);
  gtk_widget_set_visible (GTK_WIDGET (self->actions_row), *actions != '\0');
  gest_reservation_dialog_update_from_values (self, gest_reservation_form_values_set_vehicle (self->values, uuid, km));
}

static void
show_vehicles (GestReservationDialog *self,
               GPtrArray             *vehicles,
               const char            *select_uuid)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint selected = GTK_INVALID_LIST_POSITION;

  g_ptr_array_set_size (self->vehicle_uuids, 0);
  g_array_set_size (self->vehicle_km, 0);
  g_ptr_array_set_size (self->vehicle_actions, 0);
  for (guint i = 0; i < vehicles->len; i++)
    {
      Vehicle *vehicle = g_ptr_array_index (vehicles, i);

      if (g_strcmp0 (vehicle->uuid, select_uuid) == 0)
        selected = i;
      g_ptr_array_add (self->vehicle_uuids, g_strdup (vehicle->uuid));
      g_array_append_val (self->vehicle_km, vehicle->km);
      g_ptr_array_add (self->vehicle_actions, g_strdup (vehicle->open_actions));
      gtk_string_list_append (labels, vehicle->label);
    }
  /* One vehicle: it is the one. */
  if (selected == GTK_INVALID_LIST_POSITION && vehicles->len == 1)
    selected = 0;
  self->filling = TRUE;
  adw_combo_row_set_model (self->vehicle_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->vehicle_row, selected);
  self->filling = FALSE;
  choose_vehicle_at (self, selected);
}

static void
customer_read_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GestReservationDialog) self = user_data;
  CustomerRead *read = gest_reservation_reader_get_data (result);
  Customer *customer = gest_reservation_reader_run_finish (result, NULL);

  /* The window closed, another customer was chosen or the text changed since. */
  if (self->search_cancellable == NULL || read->serial != self->search_serial || customer == NULL)
    {
      g_clear_pointer (&customer, customer_free);
      return;
    }
  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->customer_row), customer->label);
  self->filling = FALSE;
  gest_reservation_dialog_update_from_values (self, gest_reservation_form_values_set_customer (self->values,
                                                                                               read->customer_uuid,
                                                                                               customer->label));
  show_billing (self, g_steal_pointer (&customer->billing));
  show_vehicles (self, customer->vehicles, read->vehicle_uuid);
  customer_free (customer);
}

/* --- The search, on the reader's thread ---------------------------------------------------- */

typedef struct
{
  char  *text;
  guint  serial;
} SearchData;

typedef struct
{
  char *uuid;
  char *name;
  char *phone;
} Match;

static void
search_data_free (SearchData *data)
{
  g_free (data->text);
  g_free (data);
}

static void
match_free (Match *match)
{
  g_free (match->uuid);
  g_free (match->name);
  g_free (match->phone);
  g_free (match);
}

/* A handful of customers by name, phone, plate or VIN containing the text (LIMIT, the
 * customers' and vehicles' indexes). */
static gpointer
search_func (GestStore     *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  SearchData *search = data;
  g_autofree char *like = g_strdup_printf ("%%%s%%", search->text);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) matches = g_ptr_array_new_with_free_func ((GDestroyNotify) match_free);
  int rc;

  stmt = gest_store_prepare (store,
                             "SELECT c.uuid, c.name, c.phone_mobile FROM customers c"
                             " WHERE c.deleted = 0 AND (c.name LIKE ?1 OR c.phone_mobile LIKE ?1"
                             "  OR EXISTS (SELECT 1 FROM vehicles v WHERE v.customer_uuid = c.uuid"
                             "             AND v.deleted = 0 AND (v.plate LIKE ?1 OR v.vin LIKE ?1)))"
                             " ORDER BY c.name LIMIT " G_STRINGIFY (MAX_MATCHES), error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, like, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Match *match = g_new0 (Match, 1);

      match->uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      match->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      match->phone = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      g_ptr_array_add (matches, match);
    }
  if (rc != SQLITE_DONE)
    {
      gest_store_set_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&matches);
}

static void
clear_matches (GestReservationDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->matches_list))) != NULL)
    gtk_list_box_remove (self->matches_list, child);
  g_ptr_array_set_size (self->match_uuids, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->matches_list), FALSE);
}

static void
searched_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GestReservationDialog) self = user_data;
  SearchData *search = gest_reservation_reader_get_data (result);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) matches = gest_reservation_reader_run_finish (result, &error);

  /* The window closed, or the text changed since: a newer search (or none) is the one. */
  if (self->search_cancellable == NULL || search->serial != self->search_serial)
    return;
  clear_matches (self);
  if (matches == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gest_field_error_show (GTK_WIDGET (self->customer_row), self->error_labels[GEST_RESERVATION_FORM_CUSTOMER],
                               error->message);
      return;
    }
  for (guint i = 0; i < matches->len; i++)
    {
      Match *match = g_ptr_array_index (matches, i);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), match->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), match->phone != NULL ? match->phone : "");
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_list_box_append (self->matches_list, row);
      g_ptr_array_add (self->match_uuids, g_strdup (match->uuid));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->matches_list), self->match_uuids->len > 0);
}

/* Drops the search in flight and the pause before the next: their results would be stale. */
static void
stop_search (GestReservationDialog *self)
{
  self->search_serial++;
  g_clear_handle_id (&self->search_timeout, g_source_remove);
  if (self->search_cancellable != NULL)
    {
      g_cancellable_cancel (self->search_cancellable);
      g_clear_object (&self->search_cancellable);
      self->search_cancellable = g_cancellable_new ();
    }
}

static void
start_search (GestReservationDialog *self)
{
  SearchData *search;

  g_clear_handle_id (&self->search_timeout, g_source_remove);
  search = g_new0 (SearchData, 1);
  search->text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->customer_row)));
  search->serial = self->search_serial;
  run_read (self, search_func, search, (GDestroyNotify) search_data_free, (GDestroyNotify) g_ptr_array_unref,
            searched_cb);
}

static gboolean
search_timeout_cb (gpointer user_data)
{
  GestReservationDialog *self = user_data;

  self->search_timeout = 0;
  start_search (self);
  return G_SOURCE_REMOVE;
}

/* Enter searches at once, without the typing pause. */
static void
customer_activated_cb (GestReservationDialog *self)
{
  if (self->search_timeout != 0)
    start_search (self);
}

void
gest_reservation_dialog_customer_search_changed_cb (GestReservationDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->customer_row));

  if (self->filling || self->values == NULL)
    return;
  if (self->values->customer_uuid != NULL)
    gest_reservation_dialog_update_from_values (self, gest_reservation_form_values_set_customer (self->values, NULL, text));
  stop_search (self);
  clear_matches (self);
  if (g_utf8_strlen (text, -1) < 2)
    return;
  /* Search as the user types, once they pause: one query per pause, not per key. */
  self->search_timeout = g_timeout_add (SEARCH_PAUSE_MS, search_timeout_cb, self);
}

void
gest_reservation_dialog_customer_init (GestReservationDialog *self)
{
  self->search_cancellable = g_cancellable_new ();
  self->vehicle_actions = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect_swapped (self->customer_row, "entry-activated", G_CALLBACK (customer_activated_cb), self);
}

void
gest_reservation_dialog_customer_dispose (GestReservationDialog *self)
{
  g_clear_handle_id (&self->search_timeout, g_source_remove);
  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  g_clear_pointer (&self->reader, gest_reservation_reader_unref);
  g_clear_pointer (&self->vehicle_actions, g_ptr_array_unref);
}

void
gest_reservation_dialog_set_customer (GestReservationDialog *self,
                                      const char            *uuid,
                                      const char            *vehicle_uuid)
{
  CustomerRead *read;

  stop_search (self);
  clear_matches (self);
  read = g_new0 (CustomerRead, 1);
  read->customer_uuid = g_strdup (uuid);
  read->vehicle_uuid = g_strdup (vehicle_uuid);
  read->serial = self->search_serial;
  run_read (self, customer_func, read, (GDestroyNotify) customer_read_free, (GDestroyNotify) customer_free,
            customer_read_cb);
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
