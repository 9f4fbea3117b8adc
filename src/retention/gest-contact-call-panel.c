/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-contact-call-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-campaign.h"
#include "gest-contact-call-panel.h"
#include "gest-contact-call-values.h"
#include "gest-contact-letter.h"
#include "gest-date.h"
#include "gest-field-error.h"
#include "gest-followup-dialog.h"
#include "gest-form-sensitive.h"

struct _GestContactCallPanel
{
  GtkWidget              parent_instance;

  GtkWidget             *scrolled;        /* the only child */
  GtkLabel              *title;
  GtkLabel              *subtitle;
  GtkLabel              *status;
  AdwPreferencesGroup   *actions_group;
  GtkLabel              *actions_error;
  GPtrArray             *action_checks;   /* GtkCheckButton *, borrowed */
  AdwPreferencesGroup   *numbers_group;
  GtkLabel              *numbers_error;
  GPtrArray             *number_checks;   /* GtkCheckButton *, borrowed */
  GtkLabel              *script;
  AdwPreferencesGroup   *outcome_group;
  GtkWidget             *call_back_row;
  GtkWidget             *note_row;
  GtkWidget             *outcome_buttons[GEST_N_CALL_OUTCOMES];
  GtkLabel              *outcome_error;
  AdwPreferencesGroup   *history_group;
  GPtrArray             *history_rows;    /* borrowed */

  GestContext           *context;
  GestStore             *store;           /* the context's */
  GCancellable          *cancellable;
  gint64                 fixed_now;
  char                  *source;
  char                  *record_uuid;
  char                  *customer_uuid;
  char                  *vehicle_uuid;
  guint                  attempts;
  GestContactBand        next_band;
  GestContactCallValues *values;
  gboolean               loaded;
  gboolean               updating;
};

G_DEFINE_FINAL_TYPE (GestContactCallPanel, gest_contact_call_panel, GTK_TYPE_WIDGET)

enum {
  SIGNAL_RECORDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The outcome buttons, in the order the coordinator reaches for them. */
static const struct {
  GestCallOutcome  outcome;
  const char      *label;
  const char      *style;
} outcome_buttons[] = {
  { GEST_CALL_BOOKED, N_("_Booked"), "suggested-action" },
  { GEST_CALL_CONTACTED, N_("_Contacted"), NULL },
  { GEST_CALL_NO_ANSWER, N_("_No Answer"), NULL },
  { GEST_CALL_WRONG_NUMBER, N_("_Wrong Number"), NULL },
  { GEST_CALL_CALL_BACK, N_("Call _Back Later"), NULL },
  { GEST_CALL_REFUSED, N_("_Refused"), "destructive-action" },
};

/* What the load thread found. */
typedef struct
{
  char      *db_path;
  GestUser  *user;        /* the signed-in user: the script names them */
  char      *source;
  char      *record_uuid;
  char      *customer_uuid;
  char      *vehicle_uuid;
  char      *first_phone;
  GPtrArray *phones;      /* char *: the customer's numbers, the queue's first */
  char      *script;
  char      *script_error;
  GPtrArray *actions;     /* GestOpenFieldAction */
  GPtrArray *calls;       /* GestContactCall */
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_free (data->db_path);
  g_clear_pointer (&data->user, gest_user_unref);
  g_free (data->source);
  g_free (data->record_uuid);
  g_free (data->customer_uuid);
  g_free (data->vehicle_uuid);
  g_free (data->first_phone);
  g_clear_pointer (&data->phones, g_ptr_array_unref);
  g_free (data->script);
  g_free (data->script_error);
  g_clear_pointer (&data->actions, g_ptr_array_unref);
  g_clear_pointer (&data->calls, g_ptr_array_unref);
  g_free (data);
}

/* The arguments of one call, to the writer thread and back. */
typedef struct
{
  char            *source;
  char            *record_uuid;
  gint64           at;
  char            *number;
  GestCallOutcome  outcome;
  gint64           call_back_at;
  char            *told;
  char            *note;
  char            *target_uuid;
} CallData;

static void
call_data_free (CallData *data)
{
  g_free (data->source);
  g_free (data->record_uuid);
  g_free (data->number);
  g_free (data->told);
  g_free (data->note);
  g_free (data->target_uuid);
  g_free (data);
}

static gint64
panel_now (GestContactCallPanel *self)
{
  return self->fixed_now != 0 ? self->fixed_now : g_get_real_time ();
}

static void
add_phone (GPtrArray  *phones,
           const char *phone)
{
  if (phone == NULL || phone[0] == '\0')
    return;
  for (guint i = 0; i < phones->len; i++)
    if (g_str_equal (g_ptr_array_index (phones, i), phone))
      return;
  g_ptr_array_add (phones, g_strdup (phone));
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr(GestStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  /* A connection of its own: a GestStore is used by one thread at a time. */
  store = gest_store_open (data->db_path, &error);
  if (store == NULL || !gest_store_set_read_only (store, TRUE, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (data->user != NULL)
    gest_store_set_user (store, data->user);
  data->phones = g_ptr_array_new_with_free_func (g_free);
  add_phone (data->phones, data->first_phone);
  stmt = gest_store_prepare (store, "SELECT phone_mobile, phone_home, phone_work FROM customers WHERE uuid = ?", &error);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, data->customer_uuid, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        for (int c = 0; c < 3; c++)
          add_phone (data->phones, (const char *) sqlite3_column_text (stmt, c));
    }
  g_clear_error (&error);

  data->script = gest_contact_script_resolve (store, data->source, data->record_uuid, &error);
  if (data->script == NULL)
    {
      /* The call can go on without its script: the panel says why it is missing. */
      data->script_error = g_strdup (error->message);
      g_clear_error (&error);
    }
  if (data->vehicle_uuid != NULL)
    data->actions = gest_campaign_open_actions_for_vehicle (store, data->vehicle_uuid, &error);
  if (data->actions == NULL && error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  data->calls = gest_contact_calls_list (store, data->source, data->record_uuid, &error);
  if (data->calls == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
update_widgets (GestContactCallPanel *self)
{
  g_autoptr(GestContactCallState) state = gest_contact_call_widget_state_from_values (self->values);

  self->updating = TRUE;
  gtk_widget_set_visible (GTK_WIDGET (self->actions_group), state->actions_visible);
  gest_field_error_show (NULL, self->actions_error, state->errors[GEST_CONTACT_CALL_FIELD_ACTIONS]);
  gest_field_error_show (NULL, self->numbers_error, state->errors[GEST_CONTACT_CALL_FIELD_NUMBER]);
  /* A refusal of the model replaces the form's own word on the call-back time. */
  gest_field_error_show (self->call_back_row, self->outcome_error,
                         state->refusal != NULL ? NULL : state->errors[GEST_CONTACT_CALL_FIELD_CALL_BACK]);
  if (state->refusal != NULL)
    gest_field_error_show (NULL, self->outcome_error, state->refusal);
  for (guint o = 0; o < G_N_ELEMENTS (outcome_buttons); o++)
    gtk_widget_set_sensitive (self->outcome_buttons[outcome_buttons[o].outcome],
                              self->loaded && state->outcome_sensitive[outcome_buttons[o].outcome]);
  gest_form_set_sensitive (self->call_back_row, state->fields_sensitive);
  gest_form_set_sensitive (self->note_row, state->fields_sensitive);
  self->updating = FALSE;
}

static void
set_values (GestContactCallPanel  *self,
            GestContactCallValues *values)
{
  gest_contact_call_values_free (self->values);
  self->values = values;
  update_widgets (self);
}

static void
number_toggled_cb (GtkCheckButton       *check,
                   GestContactCallPanel *self)
{
  if (self->updating || !gtk_check_button_get_active (check))
    return;
  set_values (self, gest_contact_call_values_set_number (self->values, g_object_get_data (G_OBJECT (check), "number")));
}

static void
action_toggled_cb (GtkCheckButton       *check,
                   GestContactCallPanel *self)
{
  if (self->updating)
    return;
  set_values (self, gest_contact_call_values_set_told (self->values, g_object_get_data (G_OBJECT (check), "code"),
                                                       gtk_check_button_get_active (check)));
}

static void
call_back_changed_cb (GtkEditable          *editable,
                      GestContactCallPanel *self)
{
  if (!self->updating)
    set_values (self, gest_contact_call_values_set_call_back (self->values, gtk_editable_get_text (editable)));
}

static void
note_changed_cb (GtkEditable          *editable,
                 GestContactCallPanel *self)
{
  if (!self->updating)
    set_values (self, gest_contact_call_values_set_note (self->values, gtk_editable_get_text (editable)));
}

static gboolean
call_write (GestStore  *store,
            gpointer    user_data,
            GError    **error)
{
  CallData *data = user_data;

  return gest_contact_call_record (store, data->source, data->record_uuid, data->at, data->number, data->outcome,
                                   data->call_back_at, data->told, data->note, &data->target_uuid, error);
}

static void
call_recorded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GestContactCallPanel) self = user_data;
  CallData *data = gest_store_write_get_data (result);
  g_autoptr(GError) error = NULL;
  gboolean ok = gest_store_write_finish (GEST_STORE (object), result, &error);
  g_autoptr(GestContactCallValues) saved = gest_contact_call_values_set_saving (self->values, FALSE);

  if (!ok)
    {
      set_values (self, gest_contact_call_values_set_refusal (saved, error->message));
      return;
    }
  set_values (self, g_steal_pointer (&saved));
  g_signal_emit (self, signals[SIGNAL_RECORDED], 0, data->target_uuid, (int) data->outcome);
}

static void
outcome_clicked_cb (GtkButton            *button,
                    GestContactCallPanel *self)
{
  GestCallOutcome outcome = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "outcome"));
  g_autoptr(GestContactCallState) state = gest_contact_call_widget_state_from_values (self->values);
  CallData *data;

  if (!self->loaded || self->values->saving || !state->outcome_sensitive[outcome])
    return;
  data = g_new0 (CallData, 1);
  data->source = g_strdup (self->source);
  data->record_uuid = g_strdup (self->record_uuid);
  data->at = panel_now (self);
  data->number = g_strdup (self->values->number);
  data->outcome = outcome;
  data->call_back_at = outcome == GEST_CALL_CALL_BACK ? state->call_back_at : 0;
  data->told = g_strdup (state->actions_told);
  data->note = g_strdup (self->values->note != NULL ? self->values->note : "");
  set_values (self, gest_contact_call_values_set_saving (self->values, TRUE));
  gest_store_write_async (self->store, call_write, data, (GDestroyNotify) call_data_free, self->cancellable,
                          call_recorded_cb, g_object_ref (self));
}

static void
follow_up_clicked_cb (GestContactCallPanel *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = gest_followup_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->context,
                                                self->customer_uuid, self->vehicle_uuid);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_actions (GestContactCallPanel *self,
              GPtrArray            *actions)
{
  g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();
  g_auto(GStrv) open = NULL;

  for (guint i = 0; actions != NULL && i < actions->len; i++)
    {
      GestOpenFieldAction *action = g_ptr_array_index (actions, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      /* Translators: an open field action on the call panel: "Safety recall · Contactado". */
      g_autofree char *subtitle = g_strdup_printf (_("%s · %s"), gest_campaign_kind_label (action->kind),
                                                   gest_campaign_stage_label (action->stage));
      g_autofree char *title = g_strdup_printf ("%s: %s", action->code, action->description);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (check), "code", g_strdup (action->code), g_free);
      g_signal_connect (check, "toggled", G_CALLBACK (action_toggled_cb), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->actions_group, row);
      g_ptr_array_add (self->action_checks, check);
      g_strv_builder_add (codes, action->code);
    }
  open = g_strv_builder_end (codes);
  set_values (self, gest_contact_call_values_new (self->values->now, self->values->number,
                                                  (const char * const *) open));
}

static void
show_numbers (GestContactCallPanel *self,
              GPtrArray            *phones)
{
  GtkCheckButton *first = NULL;

  for (guint i = 0; i < phones->len; i++)
    {
      const char *phone = g_ptr_array_index (phones, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), phone);
      if (first != NULL)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (check), first);
      else
        first = GTK_CHECK_BUTTON (check);
      g_object_set_data_full (G_OBJECT (check), "number", g_strdup (phone), g_free);
      g_signal_connect (check, "toggled", G_CALLBACK (number_toggled_cb), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->numbers_group, row);
      g_ptr_array_add (self->number_checks, check);
    }
  if (phones->len == 0)
    adw_preferences_group_set_description (self->numbers_group,
                                           _("The customer has no phone number. Add one on the customer’s page, or "
                                             "wait for the letter after the attempts."));
  /* The queue's best number is the first choice. */
  if (first != NULL)
    gtk_check_button_set_active (first, TRUE);
}

static void
show_history (GestContactCallPanel *self,
              GPtrArray            *calls)
{
  gtk_widget_set_visible (GTK_WIDGET (self->history_group), calls->len > 0);
  for (guint i = 0; i < calls->len; i++)
    {
      GestContactCall *call = g_ptr_array_index (calls, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *at = gest_timestamp_format (call->at);
      /* Translators: an attempt in the call's history: "06/12/2026 10:15 · Mañana · No answer". */
      g_autofree char *title = g_strdup_printf (_("%s · %s · %s"), at, gest_contact_band_label (call->band),
                                                gest_call_outcome_label (call->outcome));
      /* Translators: who dialled which number, and whether the attempt counts toward the five. */
      g_autofree char *subtitle = g_strdup_printf (_("%s · %s · %s"), call->user_name, call->number_dialled,
                                                   call->counted ? _("counts toward the five attempts")
                                                                 : _("does not count"));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (call->note != NULL && call->note[0] != '\0')
        gtk_widget_set_tooltip_text (row, call->note);
      adw_preferences_group_add (self->history_group, row);
      g_ptr_array_add (self->history_rows, row);
    }
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GestContactCallPanel) self = user_data;
  LoadData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          self->loaded = TRUE;
          set_values (self, gest_contact_call_values_set_refusal (self->values, error->message));
          self->loaded = FALSE;
          update_widgets (self);
        }
      return;
    }
  if (data->script_error != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The call script could not be prepared: %s"), data->script_error);

      gtk_label_set_text (self->script, text);
    }
  else
    gtk_label_set_text (self->script, data->script != NULL && data->script[0] != '\0' ? data->script
                        : _("No call script yet. Write one in Preferences, Proactive Contact."));
  show_actions (self, data->actions);
  show_numbers (self, data->phones);
  show_history (self, data->calls);
  self->loaded = TRUE;
  update_widgets (self);
}

static AdwPreferencesGroup *
add_group (GtkBox     *box,
           const char *title,
           const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_box_append (box, group);
  return ADW_PREFERENCES_GROUP (group);
}

static void
build (GestContactCallPanel *self)
{
  GtkWidget *clamp = adw_clamp_new ();
  GtkBox *box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 18));
  GtkBox *head = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 4));
  GtkWidget *flow = gtk_flow_box_new ();
  GtkWidget *script_frame = gtk_frame_new (NULL);
  GtkWidget *follow_up = gtk_button_new_with_mnemonic (_("Schedule a _Follow-up…"));
  AdwPreferencesGroup *script_group;

  self->title = GTK_LABEL (gtk_label_new (NULL));
  self->subtitle = GTK_LABEL (gtk_label_new (NULL));
  self->status = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->title), "title-2");
  gtk_widget_add_css_class (GTK_WIDGET (self->subtitle), "dim-label");
  for (GtkLabel **l = (GtkLabel *[]) { self->title, self->subtitle, self->status, NULL }; *l != NULL; l++)
    {
      gtk_label_set_wrap (*l, TRUE);
      gtk_label_set_xalign (*l, 0);
      gtk_box_append (head, GTK_WIDGET (*l));
    }
  gtk_box_append (box, GTK_WIDGET (head));

  self->actions_group = add_group (box, _("Open Field Actions"),
                                   _("Tell the customer about each one, whatever the reason of the call, and "
                                     "leave checked the ones you told."));
  gtk_widget_add_css_class (GTK_WIDGET (self->actions_group), "warning");
  self->actions_error = gest_field_error_label_new (self->actions_group);

  self->numbers_group = add_group (box, _("Number Dialled"), NULL);
  self->numbers_error = gest_field_error_label_new (self->numbers_group);

  script_group = add_group (box, _("Call Script"), NULL);
  self->script = GTK_LABEL (gtk_label_new (_("Loading…")));
  gtk_label_set_wrap (self->script, TRUE);
  gtk_label_set_xalign (self->script, 0);
  gtk_label_set_selectable (self->script, TRUE);
  gtk_widget_set_margin_top (GTK_WIDGET (self->script), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->script), 12);
  gtk_widget_set_margin_start (GTK_WIDGET (self->script), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->script), 12);
  gtk_frame_set_child (GTK_FRAME (script_frame), GTK_WIDGET (self->script));
  adw_preferences_group_add (script_group, script_frame);

  self->outcome_group = add_group (box, _("Outcome"),
                                   _("No answer and wrong number count as an attempt once per time of day; "
                                     "the queue offers the next attempt at another time."));
  self->call_back_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->call_back_row), _("Call back on (dd/mm/yyyy hh:mm)"));
  g_signal_connect (self->call_back_row, "changed", G_CALLBACK (call_back_changed_cb), self);
  adw_preferences_group_add (self->outcome_group, self->call_back_row);
  self->note_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->note_row), _("Note"));
  g_signal_connect (self->note_row, "changed", G_CALLBACK (note_changed_cb), self);
  adw_preferences_group_add (self->outcome_group, self->note_row);
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow), TRUE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (flow), 2);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 3);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 6);
  gtk_widget_set_margin_top (flow, 12);
  for (guint o = 0; o < G_N_ELEMENTS (outcome_buttons); o++)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_(outcome_buttons[o].label));

      if (outcome_buttons[o].style != NULL)
        gtk_widget_add_css_class (button, outcome_buttons[o].style);
      g_object_set_data (G_OBJECT (button), "outcome", GINT_TO_POINTER (outcome_buttons[o].outcome));
      g_signal_connect (button, "clicked", G_CALLBACK (outcome_clicked_cb), self);
      gtk_flow_box_append (GTK_FLOW_BOX (flow), button);
      self->outcome_buttons[outcome_buttons[o].outcome] = button;
    }
  adw_preferences_group_add (self->outcome_group, flow);
  self->outcome_error = gest_field_error_label_new (self->outcome_group);
  gtk_widget_set_halign (follow_up, GTK_ALIGN_START);
  g_signal_connect_swapped (follow_up, "clicked", G_CALLBACK (follow_up_clicked_cb), self);
  gtk_box_append (box, follow_up);

  self->history_group = add_group (box, _("Attempts"), NULL);

  gtk_widget_set_margin_top (GTK_WIDGET (box), 18);
  gtk_widget_set_margin_bottom (GTK_WIDGET (box), 18);
  gtk_widget_set_margin_start (GTK_WIDGET (box), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (box), 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (box));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), clamp);
}

static void
gest_contact_call_panel_dispose (GObject *object)
{
  GestContactCallPanel *self = GEST_CONTACT_CALL_PANEL (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_pointer (&self->scrolled, gtk_widget_unparent);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (gest_contact_call_panel_parent_class)->dispose (object);
}

static void
gest_contact_call_panel_finalize (GObject *object)
{
  GestContactCallPanel *self = GEST_CONTACT_CALL_PANEL (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->action_checks, g_ptr_array_unref);
  g_clear_pointer (&self->number_checks, g_ptr_array_unref);
  g_clear_pointer (&self->history_rows, g_ptr_array_unref);
  g_free (self->source);
  g_free (self->record_uuid);
  g_free (self->customer_uuid);
  g_free (self->vehicle_uuid);
  gest_contact_call_values_free (self->values);

  G_OBJECT_CLASS (gest_contact_call_panel_parent_class)->finalize (object);
}

static void
gest_contact_call_panel_class_init (GestContactCallPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gest_contact_call_panel_dispose;
  object_class->finalize = gest_contact_call_panel_finalize;

  /* The call was logged: its target's uuid and the GestCallOutcome. */
  signals[SIGNAL_RECORDED] = g_signal_new ("recorded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                           NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_INT);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gest_contact_call_panel_init (GestContactCallPanel *self)
{
  self->cancellable = g_cancellable_new ();
  self->action_checks = g_ptr_array_new ();
  self->number_checks = g_ptr_array_new ();
  self->history_rows = g_ptr_array_new ();
  self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_parent (self->scrolled, GTK_WIDGET (self));
  build (self);
}

GtkWidget *
gest_contact_call_panel_new (GestContext           *context,
                             const GestContactItem *item,
                             gint64                 now)
{
  GestContactCallPanel *self;
  g_autofree char *subtitle = NULL;
  g_autofree char *status = NULL;
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_val_if_fail (GEST_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (item != NULL, NULL);

  self = g_object_new (GEST_TYPE_CONTACT_CALL_PANEL, NULL);
  self->context = g_object_ref (context);
  self->store = g_object_ref (gest_context_get_store (context));
  self->fixed_now = now;
  self->source = g_strdup (item->source);
  self->record_uuid = g_strdup (item->record_uuid);
  self->customer_uuid = g_strdup (item->customer_uuid);
  self->vehicle_uuid = g_strdup (item->vehicle_uuid);
  self->attempts = item->attempts;
  self->next_band = item->next_band;
  self->values = gest_contact_call_values_new (panel_now (self), NULL, NULL);

  gtk_label_set_text (self->title, item->customer_name);
  if (item->detail != NULL && item->detail[0] != '\0')
    subtitle = g_strdup_printf ("%s · %s · %s", item->reason, item->vehicle_text != NULL ? item->vehicle_text : "",
                                item->detail);
  else
    subtitle = g_strdup_printf ("%s · %s", item->reason, item->vehicle_text != NULL ? item->vehicle_text : "");
  gtk_label_set_text (self->subtitle, subtitle);
  /* Translators: "Attempt 3 of 5 · call in: Midday (12:00 to 15:00)". */
  status = g_strdup_printf (_("Attempt %u of %u · call in: %s"), MIN (item->attempts + 1, GEST_CONTACT_ATTEMPTS),
                            GEST_CONTACT_ATTEMPTS, gest_contact_band_label (item->next_band));
  gtk_label_set_text (self->status, status);
  update_widgets (self);

  data = g_new0 (LoadData, 1);
  data->db_path = g_strdup (gest_store_get_path (self->store));
  if (gest_store_get_user (self->store) != NULL)
    data->user = gest_user_ref (gest_store_get_user (self->store));
  data->source = g_strdup (item->source);
  data->record_uuid = g_strdup (item->record_uuid);
  data->customer_uuid = g_strdup (item->customer_uuid);
  data->vehicle_uuid = g_strdup (item->vehicle_uuid);
  data->first_phone = g_strdup (item->phone);
  task = g_task_new (NULL, self->cancellable, loaded_cb, g_object_ref (self));
  g_task_set_source_tag (task, gest_contact_call_panel_new);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_thread);
  return GTK_WIDGET (self);
}

const char *
gest_contact_call_panel_get_title (GestContactCallPanel *self)
{
  g_return_val_if_fail (GEST_IS_CONTACT_CALL_PANEL (self), NULL);

  return gtk_label_get_text (self->title);
}

gboolean
gest_contact_call_panel_is_loaded (GestContactCallPanel *self)
{
  g_return_val_if_fail (GEST_IS_CONTACT_CALL_PANEL (self), FALSE);

  return self->loaded;
}
