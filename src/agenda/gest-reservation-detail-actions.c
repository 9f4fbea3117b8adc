/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-reservation-detail"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-agenda-schedule.h"
#include "gest-agenda-text.h"
#include "gest-billing-group.h"
#include "gest-customer-billing.h"
#include "gest-date.h"
#include "gest-field-error.h"
#include "gest-reservation-detail-private.h"
#include "gest-reservation-dialog.h"
#include "gest-test-drive.h"

/* The state's actions of a reservation's page: each asks in an AdwMessageDialog (with what
 * the action needs: the advisor and the email, a reason, the mileage), saves on the store's
 * writer thread and shows a refusal in full where it happened. */

typedef enum
{
  ACTION_CONFIRM,
  ACTION_REFUSE,
  ACTION_CANCEL,
  ACTION_ARRIVE,
  ACTION_NO_SHOW,
  ACTION_STATE,
  ACTION_TEST_DRIVE,
} ActionKind;

typedef struct
{
  ActionKind            kind;
  char                 *uuid;
  char                 *advisor_uuid;
  char                 *text;
  gboolean              flag;
  int                   number;
  gint64                at;
  GestReservationState  state;
  char                 *toast;
} Action;

static void
action_free (gpointer data)
{
  Action *action = data;

  g_free (action->uuid);
  g_free (action->advisor_uuid);
  g_free (action->text);
  g_free (action->toast);
  g_free (action);
}

static gboolean
action_write (GestStore  *store,
              gpointer    data,
              GError    **error)
{
  Action *a = data;
  g_autofree char *lead = NULL;

  switch (a->kind)
    {
    case ACTION_CONFIRM:
      return gest_reservation_confirm (store, a->uuid, a->advisor_uuid, a->flag, error);
    case ACTION_REFUSE:
      return gest_reservation_refuse (store, a->uuid, a->text, a->flag, error);
    case ACTION_CANCEL:
      return gest_reservation_cancel (store, a->uuid, a->text, error);
    case ACTION_ARRIVE:
      return gest_reservation_arrive (store, a->uuid, a->at, a->number, error);
    case ACTION_NO_SHOW:
      return gest_reservation_no_show (store, a->uuid, a->text, a->at, error);
    case ACTION_STATE:
      return gest_reservation_set_state (store, a->uuid, a->state, error);
    case ACTION_TEST_DRIVE:
      lead = gest_test_drive_answer (store, a->uuid, a->flag, a->text, a->at, error);
      return lead != NULL;
    default:
      g_assert_not_reached ();
    }
}

static void
action_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GestReservationDetail) self = user_data;
  g_autoptr(GError) error = NULL;
  Action *action = gest_store_write_get_data (result);

  self->busy = FALSE;
  if (self->record == NULL)
    return;
  gtk_widget_set_sensitive (self->actions_box, TRUE);
  if (!gest_store_write_finish (GEST_STORE (object), result, &error))
    {
      if (action->kind == ACTION_TEST_DRIVE)
        gest_field_error_show (NULL, self->test_drive_error, error->message);
      else
        gest_record_detail_show_status_error (self->record, error->message);
      return;
    }
  gest_record_detail_show_status_error (self->record, NULL);
  gest_field_error_show (NULL, self->test_drive_error, NULL);
  gest_reservation_detail_changed (self, action->toast);
}

static void
run_action (GestReservationDetail *self,
            Action                *action,
            const char            *toast)
{
  if (self->busy)
    {
      action_free (action);
      return;
    }
  self->busy = TRUE;
  action->uuid = g_strdup (self->uuid);
  action->toast = g_strdup (toast);
  gtk_widget_set_sensitive (self->actions_box, FALSE);
  gest_store_write_async (self->store, action_write, action, action_free, NULL, action_done_cb, g_object_ref (self));
}

static Action *
action_new (ActionKind kind)
{
  Action *action = g_new0 (Action, 1);

  action->kind = kind;
  return action;
}

/* An AdwMessageDialog over the page's window with @extra under the body, "cancel" and
 * @response (suggested, or destructive when @destructive). */
static AdwMessageDialog *
ask (GestReservationDetail *self,
     const char            *heading,
     const char            *body,
     GtkWidget             *extra,
     const char            *response,
     const char            *response_label,
     gboolean               destructive)
{
  GtkWidget *dialog = adw_message_dialog_new (gest_reservation_detail_parent_window (self), heading, body);

  if (extra != NULL)
    adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), extra);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), response, response_label, NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), response,
                                              destructive ? ADW_RESPONSE_DESTRUCTIVE : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), response);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  return ADW_MESSAGE_DIALOG (dialog);
}

/* A switch with its wrapping label, appended to @box (a long email address in a narrow
 * dialog); returns the switch. */
static GtkWidget *
switch_new (GtkWidget  *box,
            const char *mnemonic_label)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *toggle = gtk_switch_new ();
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic_label);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), toggle);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (GTK_BOX (row), toggle);
  gtk_box_append (GTK_BOX (box), row);
  return toggle;
}

static GtkWidget *
entry_new (const char *placeholder,
           const char *text)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  if (text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, placeholder, -1);
  return entry;
}

/* --- Confirm ------------------------------------------------------------------------------ */

static void
confirm_response_cb (AdwMessageDialog      *dialog,
                     const char            *response,
                     GestReservationDetail *self)
{
  GtkDropDown *advisors = g_object_get_data (G_OBJECT (dialog), "gest-advisors");
  GtkSwitch *email = g_object_get_data (G_OBJECT (dialog), "gest-email");
  GPtrArray *uuids = g_object_get_data (G_OBJECT (dialog), "gest-advisor-uuids");
  guint selected = gtk_drop_down_get_selected (advisors);
  Action *action;

  if (g_strcmp0 (response, "confirm") != 0)
    return;
  action = action_new (ACTION_CONFIRM);
  if (selected != GTK_INVALID_LIST_POSITION && selected < uuids->len)
    action->advisor_uuid = g_strdup (g_ptr_array_index (uuids, selected));
  action->flag = gtk_switch_get_active (email);
  run_action (self, action, action->flag ? _("Reservation confirmed; the email with the calendar file is queued")
                                         : _("Reservation confirmed"));
}

static void
confirm_clicked_cb (GestReservationDetail *self)
{
  GPtrArray *advisors = self->data->advisors;
  const char *customer_email = self->data->email;
  GPtrArray *uuids = g_ptr_array_new_with_free_func (g_free);
  GtkStringList *names = gtk_string_list_new (NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *dropdown;
  GtkWidget *email;
  GtkWidget *label = gtk_label_new_with_mnemonic (_("Service _advisor"));
  gboolean has_email = customer_email != NULL && customer_email[0] != '\0';
  guint selected = 0;
  AdwMessageDialog *dialog;
  g_autofree char *email_label = NULL;

  for (guint i = 0; i < advisors->len; i++)
    {
      GestAgendaSchedule *advisor = g_ptr_array_index (advisors, i);

      gtk_string_list_append (names, advisor->advisor_name);
      g_ptr_array_add (uuids, g_strdup (advisor->advisor_uuid));
      if (g_strcmp0 (advisor->advisor_uuid, self->reservation->advisor_uuid) == 0)
        selected = i;
    }
  dropdown = gtk_drop_down_new (G_LIST_MODEL (names), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), uuids->len > 0 ? selected : GTK_INVALID_LIST_POSITION);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), dropdown);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* Translators: %s is the customer's email address. */
  email_label = has_email ? g_strdup_printf (_("Send the confirmation _email to %s"), customer_email)
                          : g_strdup (_("No _email to send the confirmation to"));
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), dropdown);
  email = switch_new (box, email_label);
  gtk_switch_set_active (GTK_SWITCH (email), has_email);
  gtk_widget_set_sensitive (email, has_email);
  dialog = ask (self, _("Confirm the Reservation?"),
                _("The reservation goes to the advisor’s column. The email carries the day, the time and a calendar file."),
                box, "confirm", _("C_onfirm"), FALSE);
  g_object_set_data (G_OBJECT (dialog), "gest-advisors", dropdown);
  g_object_set_data (G_OBJECT (dialog), "gest-email", email);
  g_object_set_data_full (G_OBJECT (dialog), "gest-advisor-uuids", uuids, (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --- Refuse, cancel, no-show: a reason ---------------------------------------------------- */

static void
reason_response_cb (AdwMessageDialog      *dialog,
                    const char            *response,
                    GestReservationDetail *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "gest-reason");
  GtkSwitch *followup = g_object_get_data (G_OBJECT (dialog), "gest-followup");
  Action *action;
  const char *toast;

  if (g_strcmp0 (response, "refuse") == 0)
    {
      action = action_new (ACTION_REFUSE);
      action->flag = gtk_switch_get_active (followup);
      toast = action->flag ? _("Reservation refused; a follow-up call is in the queue") : _("Reservation refused");
    }
  else if (g_strcmp0 (response, "cancel-reservation") == 0)
    {
      action = action_new (ACTION_CANCEL);
      toast = _("Reservation cancelled");
    }
  else if (g_strcmp0 (response, "no-show") == 0)
    {
      action = action_new (ACTION_NO_SHOW);
      action->at = g_get_real_time ();
      toast = _("No-show recorded; the retention queue offers a call");
    }
  else
    return;
  action->text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  run_action (self, action, toast);
}

static void
ask_reason (GestReservationDetail *self,
            const char            *heading,
            const char            *body,
            const char            *placeholder,
            const char            *response,
            const char            *response_label,
            gboolean               followup)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *entry = entry_new (placeholder, NULL);
  AdwMessageDialog *dialog;

  gtk_box_append (GTK_BOX (box), entry);
  dialog = ask (self, heading, body, box, response, response_label, TRUE);
  g_object_set_data (G_OBJECT (dialog), "gest-reason", entry);
  if (followup)
    {
      GtkWidget *check = switch_new (box, _("Offer a _follow-up call to book another day"));

      gtk_switch_set_active (GTK_SWITCH (check), TRUE);
      g_object_set_data (G_OBJECT (dialog), "gest-followup", check);
    }
  g_signal_connect_object (dialog, "response", G_CALLBACK (reason_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
refuse_clicked_cb (GestReservationDetail *self)
{
  ask_reason (self, _("Refuse the Reservation?"),
              _("The booking leaves the agenda with its reason. With a follow-up call, the retention queue "
                "offers to call the customer with the dealer’s phones for reservations."),
              _("Reason"), "refuse", _("_Refuse"), TRUE);
}

static void
cancel_clicked_cb (GestReservationDetail *self)
{
  ask_reason (self, _("Cancel the Reservation?"), _("The reservation leaves the agenda; its slot is free again."),
              _("Reason"), "cancel-reservation", _("Cancel _Reservation"), FALSE);
}

static void
no_show_clicked_cb (GestReservationDetail *self)
{
  ask_reason (self, _("Record the No-show?"),
              _("The customer did not come. Write why if you know it; the retention queue offers to call again."),
              _("Reason (optional)"), "no-show", _("_Record No-show"), FALSE);
}

/* --- Arrival ------------------------------------------------------------------------------ */

static void
arrive_response_cb (AdwMessageDialog      *dialog,
                    const char            *response,
                    GestReservationDetail *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "gest-mileage");
  g_autofree char *digits = NULL;
  guint64 km = 0;
  Action *action;

  if (g_strcmp0 (response, "arrive") != 0)
    return;
  digits = g_strdup (gtk_editable_get_text (entry));
  g_strstrip (digits);
  g_strdelimit (digits, ",.", ' ');
  {
    g_autoptr(GString) clean = g_string_new (NULL);

    for (const char *p = digits; *p != '\0'; p++)
      if (*p != ' ')
        g_string_append_c (clean, *p);
    if (clean->len > 0 && !g_ascii_string_to_unsigned (clean->str, 10, 0, 2000000, &km, NULL))
      {
        gest_record_detail_show_status_error (self->record,
                                              _("The mileage must be a whole number of kilometres, as the odometer shows it, such as 35000."));
        return;
      }
  }
  action = action_new (ACTION_ARRIVE);
  action->at = g_get_real_time ();
  action->number = (int) km;
  run_action (self, action, _("Arrival recorded"));
}

static void
arrive_clicked_cb (GestReservationDetail *self)
{
  GtkWidget *entry = entry_new (_("Mileage read at arrival (optional)"), NULL);
  AdwMessageDialog *dialog = ask (self, _("The Customer Arrived?"),
                                  _("Read the odometer: over 30,000 km the customer is offered a test drive."),
                                  entry, "arrive", _("_Arrived"), FALSE);

  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_DIGITS);
  g_object_set_data (G_OBJECT (dialog), "gest-mileage", entry);
  g_signal_connect_object (dialog, "response", G_CALLBACK (arrive_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --- Board moves and undo ------------------------------------------------------------------ */

static void
state_clicked_cb (GtkButton             *button,
                  GestReservationDetail *self)
{
  Action *action = action_new (ACTION_STATE);

  action->state = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "gest-state"));
  run_action (self, action, g_object_get_data (G_OBJECT (button), "gest-toast"));
}

/* --- Reschedule ---------------------------------------------------------------------------- */

static void
rescheduled_cb (GestReservationDetail *self)
{
  gest_reservation_detail_changed (self, _("Rescheduled: the new reservation is on the agenda"));
}

static void
reschedule_clicked_cb (GestReservationDetail *self)
{
  const GestReservation *r = self->reservation;
  g_autofree char *today = gest_agenda_today_iso (0);
  /* The same time, on its day when still ahead, else from today: the coordinator moves it. */
  GestReservationValues preset = {
    .day = g_strcmp0 (r->day, today) > 0 ? r->day : today,
    .starts_min = r->starts_min,
    .customer_uuid = r->customer_uuid,
    .vehicle_uuid = r->vehicle_uuid,
    .mileage_km = r->mileage_km,
    .service_kind = r->service_kind,
    .advisor_uuid = r->advisor_uuid,
    .transport = r->transport,
    .notes = r->notes,
    .needs_invoice = r->needs_invoice,
  };
  GtkWidget *dialog = gest_reservation_dialog_new (self->context, gest_reservation_detail_parent_window (self),
                                                   NULL, &preset, self->uuid);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (rescheduled_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
add_button (GestReservationDetail *self,
            const char            *label,
            const char            *tooltip,
            GCallback              callback,
            gboolean               suggested)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  if (suggested)
    gtk_widget_add_css_class (button, "suggested-action");
  if (tooltip != NULL)
    gtk_widget_set_tooltip_text (button, tooltip);
  g_signal_connect_swapped (button, "clicked", callback, self);
  gtk_box_append (GTK_BOX (self->actions_box), button);
  return button;
}

static void
add_state_button (GestReservationDetail *self,
                  const char            *label,
                  GestReservationState   state,
                  const char            *toast,
                  gboolean               suggested)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  if (suggested)
    gtk_widget_add_css_class (button, "suggested-action");
  g_object_set_data (G_OBJECT (button), "gest-state", GINT_TO_POINTER (state));
  g_object_set_data (G_OBJECT (button), "gest-toast", (gpointer) toast);
  g_signal_connect (button, "clicked", G_CALLBACK (state_clicked_cb), self);
  gtk_box_append (GTK_BOX (self->actions_box), button);
}

void
gest_reservation_detail_fill_actions (GestReservationDetail *self)
{
  const GestReservation *r = self->reservation;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->actions_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->actions_box), child);
  gtk_box_set_homogeneous (GTK_BOX (self->actions_box), FALSE);

  if (r->is_no_show)
    {
      /* Stored or past the grace period: call again and book another day; a late customer
       * may still come in. */
      if (g_strcmp0 (r->recovery, "refused") != 0 && g_strcmp0 (r->recovery, "gave-up") != 0)
        add_button (self, _("_Reschedule…"), _("Book the customer again, on another day"),
                    G_CALLBACK (reschedule_clicked_cb), g_strcmp0 (r->recovery, "accepted") == 0);
      if (r->state == GEST_RESERVATION_CONFIRMED)
        {
          add_button (self, _("Record _No-show…"), NULL, G_CALLBACK (no_show_clicked_cb), FALSE);
          add_button (self, _("_Arrived…"), _("The customer came late"), G_CALLBACK (arrive_clicked_cb), FALSE);
        }
      return;
    }
  switch (r->state)
    {
    case GEST_RESERVATION_TO_CONFIRM:
      add_button (self, _("C_onfirm…"), NULL, G_CALLBACK (confirm_clicked_cb), TRUE);
      add_button (self, _("_Refuse…"), NULL, G_CALLBACK (refuse_clicked_cb), FALSE);
      add_button (self, _("_Arrived…"), NULL, G_CALLBACK (arrive_clicked_cb), FALSE);
      break;
    case GEST_RESERVATION_CONFIRMED:
      add_button (self, _("_Arrived…"), NULL, G_CALLBACK (arrive_clicked_cb), TRUE);
      add_button (self, _("Record _No-show…"), NULL, G_CALLBACK (no_show_clicked_cb), FALSE);
      add_button (self, _("Cancel _Reservation…"), NULL, G_CALLBACK (cancel_clicked_cb), FALSE);
      break;
    case GEST_RESERVATION_ARRIVED:
      add_state_button (self, _("To the _Workshop"), GEST_RESERVATION_IN_WORKSHOP, _("The vehicle is in the workshop"), TRUE);
      add_state_button (self, _("_Undo Arrival"), GEST_RESERVATION_CONFIRMED, _("Arrival undone"), FALSE);
      break;
    case GEST_RESERVATION_IN_WORKSHOP:
      add_state_button (self, _("_Delivered"), GEST_RESERVATION_DELIVERED, _("The vehicle was delivered"), TRUE);
      add_state_button (self, _("_Undo"), GEST_RESERVATION_ARRIVED, _("Back to arrived"), FALSE);
      break;
    case GEST_RESERVATION_DELIVERED:
      add_state_button (self, _("_Undo Delivery"), GEST_RESERVATION_IN_WORKSHOP, _("Back to the workshop"), FALSE);
      break;
    case GEST_RESERVATION_NO_SHOW:
    case GEST_RESERVATION_REFUSED:
    case GEST_RESERVATION_CANCELLED:
    case GEST_N_RESERVATION_STATES:
    default:
      break;
    }
}

/* --- Test drive (S10) ---------------------------------------------------------------------- */

static void
test_drive_response_cb (AdwMessageDialog      *dialog,
                        const char            *response,
                        GestReservationDetail *self)
{
  GtkEditable *vehicle = g_object_get_data (G_OBJECT (dialog), "gest-vehicle");
  GtkEditable *day = g_object_get_data (G_OBJECT (dialog), "gest-day");
  GtkEditable *time = g_object_get_data (G_OBJECT (dialog), "gest-time");
  Action *action;
  GDate date;
  int minutes = 0;
  g_autofree char *iso = NULL;

  if (g_strcmp0 (response, "accept") != 0)
    return;
  if (!gest_date_parse (gtk_editable_get_text (day), &date, NULL) ||
      !gest_agenda_time_parse (gtk_editable_get_text (time), &minutes))
    {
      gest_field_error_show (NULL, self->test_drive_error,
                             _("Write the test drive’s day as dd/mm/yyyy and its time as hh:mm, such as 07/12/2026 and 11:00."));
      return;
    }
  iso = gest_date_to_iso (&date);
  action = action_new (ACTION_TEST_DRIVE);
  action->flag = TRUE;
  action->text = g_strstrip (g_strdup (gtk_editable_get_text (vehicle)));
  action->at = gest_agenda_day_moment (iso, minutes);
  run_action (self, action, _("Test drive accepted: the lead went to sales"));
}

static void
test_drive_accept_cb (GestReservationDetail *self)
{
  const GestReservation *r = self->reservation;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  g_autofree char *day = gest_agenda_day_text (r->day);
  g_autofree char *time = gest_agenda_time_text (r->starts_min);
  GtkWidget *vehicle = entry_new (_("Vehicle of interest"), NULL);
  GtkWidget *day_entry = entry_new (_("Day of the test drive (dd/mm/yyyy)"), day);
  GtkWidget *time_entry = entry_new (_("Time (hh:mm)"), time);
  AdwMessageDialog *dialog;

  gtk_box_append (GTK_BOX (box), vehicle);
  gtk_box_append (GTK_BOX (box), day_entry);
  gtk_box_append (GTK_BOX (box), time_entry);
  dialog = ask (self, _("The Customer Accepts a Test Drive?"),
                _("Sales receives the lead with the customer’s name, phone and current vehicle, the vehicle of interest and this time."),
                box, "accept", _("_Send to Sales"), FALSE);
  g_object_set_data (G_OBJECT (dialog), "gest-vehicle", vehicle);
  g_object_set_data (G_OBJECT (dialog), "gest-day", day_entry);
  g_object_set_data (G_OBJECT (dialog), "gest-time", time_entry);
  g_signal_connect_object (dialog, "response", G_CALLBACK (test_drive_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
test_drive_decline_cb (GestReservationDetail *self)
{
  Action *action = action_new (ACTION_TEST_DRIVE);

  action->flag = FALSE;
  run_action (self, action, _("Test drive declined"));
}

void
gest_reservation_detail_fill_test_drive (GestReservationDetail *self)
{
  const GestReservation *r = self->reservation;
  const char *offer = r->test_drive != NULL ? r->test_drive : "";
  AdwActionRow *row;
  GtkWidget *box;
  GtkWidget *button;

  gest_field_error_show (NULL, self->test_drive_error, NULL);
  if (g_strcmp0 (offer, "offered") == 0)
    {
      row = gest_reservation_detail_add_row (self, self->test_drive_group, _("Offer a Test Drive"),
                                             _("The vehicle has more than 30,000 km: invite the customer to test drive a vehicle of the current demo plan."));
      box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
      button = gtk_button_new_with_mnemonic (_("A_ccepted…"));
      g_signal_connect_swapped (button, "clicked", G_CALLBACK (test_drive_accept_cb), self);
      gtk_box_append (GTK_BOX (box), button);
      button = gtk_button_new_with_mnemonic (_("_Declined"));
      g_signal_connect_swapped (button, "clicked", G_CALLBACK (test_drive_decline_cb), self);
      gtk_box_append (GTK_BOX (box), button);
      adw_action_row_add_suffix (row, box);
    }
  else if (g_strcmp0 (offer, "accepted") == 0)
    gest_reservation_detail_add_row (self, self->test_drive_group, _("Accepted: a Lead for Sales"), self->data->lead_text);
  else if (g_strcmp0 (offer, "declined") == 0)
    gest_reservation_detail_add_row (self, self->test_drive_group, _("Declined"),
                                     _("The customer did not want a test drive."));
  else
    gest_reservation_detail_add_row (self, self->test_drive_group, _("Not offered"),
                                     gest_test_drive_is_eligible (r->mileage_km)
                                     ? _("Record the mileage at arrival to offer it.")
                                     : _("Offered when the vehicle has more than 30,000 km."));
}

/* --- Billing data (S11) ------------------------------------------------------------------- */

static void
billing_saved_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GestReservationDetail) self = user_data;
  g_autoptr(GError) error = NULL;
  GestBillingField field = GEST_N_BILLING_FIELDS;

  self->busy = FALSE;
  if (self->record == NULL)
    return;
  gtk_widget_set_sensitive (self->billing_save, TRUE);
  if (!gest_customer_billing_save_finish (GEST_STORE (object), result, &field, &error))
    {
      gest_billing_group_show_error (GEST_BILLING_GROUP (self->billing_form), field, error->message);
      return;
    }
  gest_billing_group_show_error (GEST_BILLING_GROUP (self->billing_form), GEST_N_BILLING_FIELDS, NULL);
  gest_reservation_detail_changed (self, _("Billing data saved"));
}

static void
billing_save_clicked_cb (GestReservationDetail *self)
{
  GestBillingGroup *form = GEST_BILLING_GROUP (self->billing_form);

  if (self->busy || self->reservation == NULL || self->reservation->customer_uuid == NULL)
    return;
  if (!gest_billing_group_check (form))
    return;
  self->busy = TRUE;
  gtk_widget_set_sensitive (self->billing_save, FALSE);
  gest_customer_billing_save_async (self->store, self->reservation->customer_uuid, gest_billing_group_get_values (form),
                                    NULL, billing_saved_cb, g_object_ref (self));
}

void
gest_reservation_detail_build_billing (GestReservationDetail *self)
{
  self->billing_form = gest_billing_group_new ();
  self->billing_save = gtk_button_new_with_mnemonic (_("_Save Billing Data"));
  gtk_widget_set_halign (self->billing_save, GTK_ALIGN_END);
  g_signal_connect_swapped (self->billing_save, "clicked", G_CALLBACK (billing_save_clicked_cb), self);
  gest_record_detail_add_section (self->record, self->billing_form);
  gest_record_detail_add_section (self->record, self->billing_save);
  gtk_widget_set_visible (self->billing_form, FALSE);
  gtk_widget_set_visible (self->billing_save, FALSE);
}

void
gest_reservation_detail_fill_billing (GestReservationDetail *self)
{
  const GestReservation *r = self->reservation;
  gboolean shown = r->needs_invoice && r->customer_uuid != NULL;

  gtk_widget_set_visible (self->billing_form, shown);
  gtk_widget_set_visible (self->billing_save, shown);
  if (!shown)
    return;
  if (self->data->billing == NULL)
    {
      gest_billing_group_show_error (GEST_BILLING_GROUP (self->billing_form), GEST_N_BILLING_FIELDS,
                                     self->data->billing_error);
      return;
    }
  gest_billing_group_set_values (GEST_BILLING_GROUP (self->billing_form), self->data->billing);
}
