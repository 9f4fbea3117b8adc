/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-reservation-detail"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-agenda-schedule.h"
#include "gest-agenda-sessions-view.h"
#include "gest-agenda-text.h"
#include "gest-date.h"
#include "gest-field-error.h"
#include "gest-reservation-detail-private.h"
#include "gest-test-drive.h"

G_DEFINE_FINAL_TYPE (GestReservationDetail, gest_reservation_detail, GTK_TYPE_WIDGET)

enum {
  SIGNAL_CHANGED,
  SIGNAL_CLOSE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  char  *uuid;
  guint  serial;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_free (data->uuid);
  g_free (data);
}

static const char *
origin_label (const char *origin)
{
  if (g_strcmp0 (origin, "web") == 0)
    return _("Web booking");
  if (g_strcmp0 (origin, "phone") == 0)
    return _("By phone");
  if (g_strcmp0 (origin, "no-show-call") == 0)
    return _("Rebooked after a no-show");
  return _("At the desk");
}

static const char *
recovery_label (const char *recovery)
{
  if (g_strcmp0 (recovery, "accepted") == 0)
    return _("The customer accepted a new appointment: reschedule it");
  if (g_strcmp0 (recovery, "refused") == 0)
    return _("The customer did not want a new appointment");
  if (g_strcmp0 (recovery, "gave-up") == 0)
    return _("Not reached after every attempt");
  return _("Not called yet: the retention queue offers it");
}

static const char *
session_state_label (const char *state)
{
  if (g_strcmp0 (state, "held") == 0)
    return _("Held");
  if (g_strcmp0 (state, "missed") == 0)
    return _("Missed");
  if (g_strcmp0 (state, "cancelled") == 0)
    return _("Cancelled");
  return _("Booked");
}

AdwActionRow *
gest_reservation_detail_add_row (GestReservationDetail *self,
                                 AdwPreferencesGroup   *group,
                                 const char            *title,
                                 const char            *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (text != NULL && *text != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, group);
  g_ptr_array_add (self->rows, row);
  return ADW_ACTION_ROW (row);
}

static void
clear_rows (GestReservationDetail *self)
{
  for (guint i = 0; i + 1 < self->rows->len; i += 2)
    adw_preferences_group_remove (g_ptr_array_index (self->rows, i), g_ptr_array_index (self->rows, i + 1));
  g_ptr_array_set_size (self->rows, 0);
}

GtkWindow *
gest_reservation_detail_parent_window (GestReservationDetail *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

void
gest_reservation_detail_changed (GestReservationDetail *self,
                                 const char            *toast)
{
  gest_reservation_detail_reload (self);
  if (toast != NULL)
    gest_record_detail_add_toast (self->record, toast);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

/* --- The load, on the reader's thread ------------------------------------------------------ */

void
gest_reservation_detail_data_free (GestReservationDetailData *data)
{
  if (data == NULL)
    return;
  g_clear_pointer (&data->reservation, gest_reservation_free);
  g_free (data->contact_name);
  g_free (data->contact_phone);
  g_free (data->contact_email);
  g_free (data->contact_plate);
  g_free (data->email);
  g_free (data->open_actions);
  g_free (data->open_actions_error);
  g_clear_pointer (&data->sessions, g_ptr_array_unref);
  g_free (data->lead_text);
  g_clear_pointer (&data->billing, gest_billing_values_free);
  g_free (data->billing_error);
  g_clear_pointer (&data->advisors, g_ptr_array_unref);
  g_free (data);
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/* What the web form or the desk took down besides the customer's record. */
static void
read_contact (GestStore                 *store,
              GestReservationDetailData *data)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = gest_store_prepare (store,
                             "SELECT r.contact_name, r.contact_phone, r.contact_email, r.contact_plate_vin,"
                             " COALESCE (NULLIF (c.email, ''), r.contact_email)"
                             " FROM reservations r LEFT JOIN customers c ON c.uuid = r.customer_uuid"
                             " WHERE r.uuid = ?1", NULL);
  if (stmt == NULL)
    return;
  sqlite3_bind_text (stmt, 1, data->reservation->uuid, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return;
  data->contact_name = column_dup (stmt, 0);
  data->contact_phone = column_dup (stmt, 1);
  data->contact_email = column_dup (stmt, 2);
  data->contact_plate = column_dup (stmt, 3);
  data->email = column_dup (stmt, 4);
}

/* The reservation's technology sessions, as the rows' titles and texts. */
static GPtrArray *
read_sessions (GestStore  *store,
               const char *uuid)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);

  stmt = gest_store_prepare (store,
                             "SELECT day, starts_min, state, vehicle_type, model FROM tech_sessions"
                             " WHERE reservation_uuid = ?1 AND deleted = 0 ORDER BY day, starts_min", NULL);
  if (stmt == NULL)
    return rows;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *day = gest_agenda_day_text ((const char *) sqlite3_column_text (stmt, 0));
      g_autofree char *time = gest_agenda_time_text (sqlite3_column_int (stmt, 1));

      /* Translators: a technology session, "07/12/2026 10:00". */
      g_ptr_array_add (rows, g_strdup_printf (_("%s %s"), day, time));
      /* Translators: a session's state and vehicle, "Booked · SUV Escape". */
      g_ptr_array_add (rows, g_strdup_printf (_("%s · %s %s"),
                                              session_state_label ((const char *) sqlite3_column_text (stmt, 2)),
                                              (const char *) sqlite3_column_text (stmt, 3),
                                              (const char *) sqlite3_column_text (stmt, 4)));
    }
  return rows;
}

/* The lead an accepted test drive became: "Bronco Sport · 07/12/2026 11:00 · Open". */
static char *
read_lead (GestStore  *store,
           const char *uuid)
{
  g_autoptr(sqlite3_stmt) stmt = gest_store_prepare (store,
                                                     "SELECT vehicle_of_interest, appointment_at, outcome FROM test_drive_leads"
                                                     " WHERE reservation_uuid = ?1 AND deleted = 0", NULL);
  g_autofree char *when = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  when = gest_timestamp_format (sqlite3_column_int64 (stmt, 1));
  /* Translators: a lead: "Bronco Sport · 07/12/2026 11:00 · Open". */
  return g_strdup_printf (_("%s · %s · %s"), (const char *) sqlite3_column_text (stmt, 0), when,
                          gest_test_drive_outcome_label ((const char *) sqlite3_column_text (stmt, 2)));
}

GestReservationDetailData *
gest_reservation_detail_data_read (GestStore   *store,
                                   const char  *uuid,
                                   GError     **error)
{
  g_autoptr(GestReservation) reservation = gest_reservation_load (store, uuid, error);
  GestReservationDetailData *data;
  const GestReservation *r;
  g_autoptr(GError) local = NULL;

  if (reservation == NULL)
    return NULL;
  data = g_new0 (GestReservationDetailData, 1);
  data->reservation = g_steal_pointer (&reservation);
  r = data->reservation;
  read_contact (store, data);
  if (r->vehicle_uuid != NULL)
    {
      data->open_actions = gest_reservation_read_open_actions (store, r->vehicle_uuid, &local);
      if (data->open_actions == NULL)
        data->open_actions_error = g_strdup (local->message);
      g_clear_error (&local);
    }
  data->sessions = read_sessions (store, uuid);
  if (g_strcmp0 (r->test_drive, "accepted") == 0)
    data->lead_text = read_lead (store, uuid);
  if (r->needs_invoice && r->customer_uuid != NULL)
    {
      data->billing = gest_customer_billing_load (store, r->customer_uuid, &local);
      if (data->billing == NULL)
        data->billing_error = g_strdup (local->message);
      g_clear_error (&local);
    }
  data->advisors = gest_agenda_advisors (store, NULL);
  if (data->advisors == NULL)
    data->advisors = g_ptr_array_new_with_free_func ((GDestroyNotify) gest_agenda_schedule_free);
  return data;
}

static gpointer
read_func (GestStore     *store,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  LoadData *load = data;

  return gest_reservation_detail_data_read (store, load->uuid, error);
}

/* --- The rows --------------------------------------------------------------------------------- */

static void
fill_booking (GestReservationDetail *self)
{
  const GestReservation *r = self->reservation;
  g_autofree char *day = gest_agenda_day_text (r->day);
  g_autofree char *starts = gest_agenda_time_text (r->starts_min);
  g_autofree char *ends = gest_agenda_time_text (r->starts_min + r->duration_min);
  g_autofree char *when = NULL;

  /* Translators: a reservation's day and time, "07/12/2026, 09:30 to 10:00". */
  when = g_strdup_printf (_("%s, %s to %s"), day, starts, ends);
  gest_reservation_detail_add_row (self, self->booking_group, _("Day and Time"), when);
  gest_reservation_detail_add_row (self, self->booking_group, _("Service Advisor"),
                                   r->advisor_uuid != NULL ? r->advisor_name
                                                           : _("Not assigned yet: choose one when confirming"));
  gest_reservation_detail_add_row (self, self->booking_group, _("Service"), gest_reservation_kind_label (r->service_kind));
  gest_reservation_detail_add_row (self, self->booking_group, _("Transport"),
                                   gest_reservation_transport_label (r->transport));
  if (r->notes != NULL && *r->notes != '\0')
    gest_reservation_detail_add_row (self, self->booking_group, _("Notes"), r->notes);
  gest_reservation_detail_add_row (self, self->booking_group, _("Origin"), origin_label (r->origin));
  if (r->confirm_by != NULL && r->state == GEST_RESERVATION_TO_CONFIRM)
    {
      g_autofree char *by = gest_agenda_day_text (r->confirm_by);
      /* Translators: %s is a day, dd/mm/yyyy. */
      g_autofree char *text = g_strdup_printf (r->confirm_late ? _("Late: it had to be confirmed on %s")
                                                               : _("Confirm it on %s"), by);
      AdwActionRow *row = gest_reservation_detail_add_row (self, self->booking_group, _("Confirm By"), text);

      if (r->confirm_late)
        gtk_widget_add_css_class (GTK_WIDGET (row), "error");
    }
  if (r->refusal_reason != NULL && *r->refusal_reason != '\0')
    gest_reservation_detail_add_row (self, self->booking_group, _("Reason for Refusal"), r->refusal_reason);
  if (r->is_no_show)
    {
      gest_reservation_detail_add_row (self, self->booking_group, _("Reason for the No-show"),
                                       r->no_show_reason != NULL && *r->no_show_reason != '\0'
                                       ? r->no_show_reason : _("Not recorded yet"));
      gest_reservation_detail_add_row (self, self->booking_group, _("Call Back"), recovery_label (r->recovery));
    }
  if (r->rescheduled_from != NULL)
    gest_reservation_detail_add_row (self, self->booking_group, _("Rescheduled"),
                                     _("Booked again after the customer missed an earlier appointment"));
}

static void
fill_customer (GestReservationDetail *self)
{
  const GestReservationDetailData *data = self->data;
  const GestReservation *r = self->reservation;

  gest_reservation_detail_add_row (self, self->customer_group, _("Customer"), r->customer_name);
  if (r->customer_phone != NULL && *r->customer_phone != '\0')
    gest_reservation_detail_add_row (self, self->customer_group, _("Phone"), r->customer_phone);
  if (data->email != NULL && *data->email != '\0')
    gest_reservation_detail_add_row (self, self->customer_group, _("Email"), data->email);
  if (r->vehicle_label != NULL && *r->vehicle_label != '\0')
    gest_reservation_detail_add_row (self, self->customer_group, _("Vehicle"), r->vehicle_label);
  if (r->mileage_km > 0)
    {
      g_autofree char *km = gest_agenda_km_text (r->mileage_km);

      gest_reservation_detail_add_row (self, self->customer_group, _("Mileage"), km);
    }
  if (data->open_actions_error != NULL)
    gest_reservation_detail_add_row (self, self->customer_group, _("Open Field Actions"), data->open_actions_error);
  else if (data->open_actions != NULL && *data->open_actions != '\0')
    {
      AdwActionRow *row = gest_reservation_detail_add_row (self, self->customer_group, _("Open Field Actions"),
                                                           data->open_actions);

      gtk_widget_add_css_class (GTK_WIDGET (row), "warning");
    }
  if (g_strcmp0 (r->origin, "web") == 0)
    {
      /* What the customer typed, the empty fields left out: "Juan Pérez · 2221234567 · ABC-123-D". */
      const char *parts[] = { data->contact_name, data->contact_phone, data->contact_email, data->contact_plate };
      g_autoptr(GString) typed = g_string_new (NULL);

      for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
        if (parts[i] != NULL && *parts[i] != '\0')
          g_string_append_printf (typed, "%s%s", typed->len > 0 ? " · " : "", parts[i]);
      gest_reservation_detail_add_row (self, self->customer_group, _("Typed on the Website"), typed->str);
    }
}

static void
book_session_done_cb (GestReservationDetail *self)
{
  gest_reservation_detail_changed (self, _("Technology session booked"));
}

static void
book_session_clicked_cb (GestReservationDetail *self)
{
  if (self->reservation == NULL)
    return;
  gest_agenda_session_dialog_present (gest_reservation_detail_parent_window (self), self->context,
                                      self->reservation->day, -1, self->uuid,
                                      g_cclosure_new_object_swap (G_CALLBACK (book_session_done_cb), G_OBJECT (self)));
}

static void
fill_sessions (GestReservationDetail *self)
{
  GPtrArray *sessions = self->data->sessions;
  GtkWidget *button;
  AdwActionRow *row;

  for (guint i = 0; i + 1 < sessions->len; i += 2)
    gest_reservation_detail_add_row (self, self->session_group, g_ptr_array_index (sessions, i),
                                     g_ptr_array_index (sessions, i + 1));
  row = gest_reservation_detail_add_row (self, self->session_group,
                                         sessions->len > 0 ? _("Another Session") : _("No session booked"),
                                         _("Ask whether the customer has questions about the vehicle’s technology"));
  button = gtk_button_new_with_mnemonic (_("_Book a Session…"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (book_session_clicked_cb), self);
  adw_action_row_add_suffix (row, button);
}

static void
show_reservation (GestReservationDetail *self)
{
  const GestReservation *r = self->reservation;
  const char *state = r->is_no_show ? gest_reservation_state_label (GEST_RESERVATION_NO_SHOW)
                                    : gest_reservation_state_label (r->state);
  g_autofree char *day = gest_agenda_day_text (r->day);
  g_autofree char *time = gest_agenda_time_text (r->starts_min);
  /* Translators: a reservation's subtitle, "07/12/2026 09:30 · Escape 2019 · ABC-123-D". */
  g_autofree char *subtitle = g_strdup_printf (_("%s %s · %s"), day, time,
                                               r->vehicle_label != NULL ? r->vehicle_label : "");
  const char *meaning;

  clear_rows (self);
  gest_record_detail_set_title (self->record, r->customer_name != NULL ? r->customer_name : "");
  gest_record_detail_set_subtitle (self->record, subtitle);
  if (r->is_no_show)
    meaning = _("The customer did not come within the grace period: call again and reschedule.");
  else
    switch (r->state)
      {
      case GEST_RESERVATION_TO_CONFIRM:
        meaning = _("Call the customer, then confirm with an advisor or refuse with the reason.");
        break;
      case GEST_RESERVATION_CONFIRMED:
        meaning = _("Mark the arrival when the customer comes in.");
        break;
      case GEST_RESERVATION_ARRIVED:
        meaning = _("The customer is here: pass the vehicle to the workshop.");
        break;
      case GEST_RESERVATION_IN_WORKSHOP:
        meaning = _("The vehicle is in the workshop.");
        break;
      case GEST_RESERVATION_DELIVERED:
        meaning = _("The vehicle was delivered.");
        break;
      case GEST_RESERVATION_REFUSED:
        meaning = _("Refused: it is off the agenda.");
        break;
      case GEST_RESERVATION_NO_SHOW:
      case GEST_RESERVATION_CANCELLED:
      case GEST_N_RESERVATION_STATES:
      default:
        meaning = _("Cancelled: it is off the agenda.");
        break;
      }
  gest_record_detail_set_status (self->record, state, meaning);
  fill_booking (self);
  fill_customer (self);
  gest_reservation_detail_fill_test_drive (self);
  fill_sessions (self);
  gest_reservation_detail_fill_actions (self);
  gest_reservation_detail_fill_billing (self);
  gest_record_detail_show_record (self->record);
}

static void
set_loading (GestReservationDetail *self,
             gboolean               loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GestReservationDetail) self = user_data;
  LoadData *load = gest_reservation_reader_get_data (result);
  g_autoptr(GError) error = NULL;
  GestReservationDetailData *data = gest_reservation_reader_run_finish (result, &error);

  /* Disposed meanwhile, or a newer load asked for: this result is stale. */
  if (self->record == NULL || load->serial != self->serial)
    {
      gest_reservation_detail_data_free (data);
      return;
    }
  if (data == NULL)
    {
      if (self->data == NULL)
        gest_record_detail_show_unavailable (self->record, _("Reservation Not Available"), error->message);
      else
        gest_record_detail_show_status_error (self->record, error->message);
    }
  else
    {
      gest_reservation_detail_data_free (self->data);
      self->data = data;
      self->reservation = data->reservation;
      show_reservation (self);
    }
  gtk_stack_set_visible_child (self->stack, GTK_WIDGET (self->record));
  set_loading (self, FALSE);
}

static gboolean
escape_cb (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  g_signal_emit (widget, signals[SIGNAL_CLOSE], 0);
  return TRUE;
}

static void
gest_reservation_detail_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  GestReservationDetail *self = GEST_RESERVATION_DETAIL (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gest_reservation_detail_dispose (GObject *object)
{
  GestReservationDetail *self = GEST_RESERVATION_DETAIL (object);

  g_cancellable_cancel (self->cancellable);
  self->record = NULL;
  g_clear_pointer ((GtkWidget **) &self->stack, gtk_widget_unparent);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (gest_reservation_detail_parent_class)->dispose (object);
}

static void
gest_reservation_detail_finalize (GObject *object)
{
  GestReservationDetail *self = GEST_RESERVATION_DETAIL (object);

  g_ptr_array_unref (self->rows);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->reader, gest_reservation_reader_unref);
  g_clear_pointer (&self->data, gest_reservation_detail_data_free);
  g_free (self->uuid);

  G_OBJECT_CLASS (gest_reservation_detail_parent_class)->finalize (object);
}

static void
gest_reservation_detail_class_init (GestReservationDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gest_reservation_detail_dispose;
  object_class->finalize = gest_reservation_detail_finalize;
  object_class->get_property = gest_reservation_detail_get_property;

  /* TRUE while the reservation is read on the reader's thread. */
  properties[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS |
                                                   G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  /* A save changed the reservation (the agenda reloads). */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                          NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* Escape: the page leaves the detail. */
  signals[SIGNAL_CLOSE] = g_signal_new ("close", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                        NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_cb, NULL);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gest_reservation_detail_init (GestReservationDetail *self)
{
  GtkWidget *loading = adw_status_page_new ();
  GtkWidget *spinner = gtk_spinner_new ();

  self->rows = g_ptr_array_new ();
  self->cancellable = g_cancellable_new ();
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->stack), GTK_WIDGET (self));
  gtk_spinner_set_spinning (GTK_SPINNER (spinner), TRUE);
  gtk_widget_set_size_request (spinner, 32, 32);
  adw_status_page_set_title (ADW_STATUS_PAGE (loading), _("Loading the Reservation…"));
  adw_status_page_set_child (ADW_STATUS_PAGE (loading), spinner);
  gtk_stack_add_named (self->stack, loading, "loading");
}

static AdwPreferencesGroup *
add_group (GestReservationDetail *self,
           const char            *title,
           const char            *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gest_record_detail_add_group (self->record, ADW_PREFERENCES_GROUP (group));
  return ADW_PREFERENCES_GROUP (group);
}

GtkWidget *
gest_reservation_detail_new (GestContext *context,
                             const char  *uuid)
{
  GestReservationDetail *self;

  g_return_val_if_fail (GEST_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  self = g_object_new (GEST_TYPE_RESERVATION_DETAIL, NULL);
  self->context = g_object_ref (context);
  self->store = g_object_ref (gest_context_get_store (context));
  self->uuid = g_strdup (uuid);
  self->reader = gest_reservation_reader_new (gest_store_get_path (self->store));
  self->record = GEST_RECORD_DETAIL (gest_record_detail_new (context, uuid));
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->record), "record");
  gtk_stack_set_visible_child_name (self->stack, "loading");
  gest_record_detail_set_status_heading (self->record, _("State"));
  self->actions_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_valign (self->actions_box, GTK_ALIGN_CENTER);
  gest_record_detail_add_status_action (self->record, self->actions_box);

  self->booking_group = add_group (self, _("Appointment"), NULL);
  self->customer_group = add_group (self, _("Customer and Vehicle"), NULL);
  self->test_drive_group = add_group (self, _("Test Drive"),
                                      _("Offered to vehicles over 30,000 km; an accepted offer goes to sales as a lead"));
  self->test_drive_error = gest_field_error_label_new (self->test_drive_group);
  self->session_group = add_group (self, _("Technology Session"),
                                   _("The technology specialist shows the customer the vehicle’s technology"));
  self->session_error = gest_field_error_label_new (self->session_group);
  gest_reservation_detail_build_billing (self);

  gest_reservation_detail_reload (self);
  return GTK_WIDGET (self);
}

/**
 * gest_reservation_detail_reload: (see gest-reservation-detail.h)
 */
void
gest_reservation_detail_reload (GestReservationDetail *self)
{
  LoadData *load;

  g_return_if_fail (GEST_IS_RESERVATION_DETAIL (self));

  if (self->record == NULL)
    return;
  load = g_new0 (LoadData, 1);
  load->uuid = g_strdup (self->uuid);
  load->serial = ++self->serial;
  set_loading (self, TRUE);
  gest_reservation_reader_run_async (self->reader, read_func, load, (GDestroyNotify) load_data_free,
                                     (GDestroyNotify) gest_reservation_detail_data_free, self->cancellable,
                                     loaded_cb, g_object_ref (self));
  gest_timeline_reload (gest_record_detail_get_timeline (self->record));
}

const char *
gest_reservation_detail_get_error (GestReservationDetail *self)
{
  g_return_val_if_fail (GEST_IS_RESERVATION_DETAIL (self), NULL);

  return self->record != NULL ? gest_record_detail_get_status_error (self->record) : NULL;
}

gboolean
gest_reservation_detail_get_loading (GestReservationDetail *self)
{
  g_return_val_if_fail (GEST_IS_RESERVATION_DETAIL (self), FALSE);

  return self->loading;
}
