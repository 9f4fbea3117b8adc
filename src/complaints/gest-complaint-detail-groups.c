/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-complaint-detail"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-complaint-detail-private.h"
#include "gest-complaint-sla.h"
#include "gest-date.h"
#include "gest-domain-module.h"
#include "gest-field-error.h"
#include "gest-plan-statement.h"

/* The other records' contact actions the account analysis lists (the newest). */
#define MAX_CONTACTS 10
/* The SLA history rows shown (the newest). */
#define MAX_EVENTS 10

static AdwPreferencesGroup *
add_group (GestComplaintDetail *self,
           const char          *title,
           const char          *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gest_record_detail_add_group (self->record, ADW_PREFERENCES_GROUP (group));
  return ADW_PREFERENCES_GROUP (group);
}

static GtkWidget *
header_button (AdwPreferencesGroup *group,
               const char          *label,
               GCallback            callback,
               gpointer             user_data)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (button, "clicked", callback, user_data);
  adw_preferences_group_set_header_suffix (group, button);
  return button;
}

static GtkWidget *
row_button (AdwActionRow *row,
            const char   *label,
            GCallback     callback,
            gpointer      user_data)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (button, "clicked", callback, user_data);
  adw_action_row_add_suffix (row, button);
  return button;
}

AdwActionRow *
gest_complaint_detail_add_row (GestComplaintDetail *self,
                               AdwPreferencesGroup *group,
                               const char          *title,
                               const char          *text)
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
  g_hash_table_replace (self->row_texts, g_strdup (title), g_strdup (text != NULL ? text : ""));
  return ADW_ACTION_ROW (row);
}

static char *
format_time (gint64 at)
{
  return at != 0 ? gest_timestamp_format (at) : g_strdup (_("Not yet"));
}

static char *
format_minutes (gint64 minutes)
{
  /* Translators: business time used, "3 h 20 min". */
  return g_strdup_printf (_("%d h %02d min"), (int) (minutes / 60), (int) (minutes % 60));
}

/* A clock's due moment, said in the past once it passed. */
static char *
format_due (gint64      due_at,
            const char *used,
            int         target_hours)
{
  g_autofree char *due = NULL;

  if (due_at == 0)
    /* Translators: a paused clock, "Paused · 2 h 10 min used of 8 h". */
    return g_strdup_printf (_("Paused · %s used of %d h"), used, target_hours);
  due = format_time (due_at);
  if (due_at < g_get_real_time ())
    /* Translators: "Was due 05/12/2026 18:00 · 9 h 10 min used of 8 h". */
    return g_strdup_printf (_("Was due %s · %s used of %d h"), due, used, target_hours);
  /* Translators: "Due 05/12/2026 18:00 · 2 h 10 min used of 8 h". */
  return g_strdup_printf (_("Due %s · %s used of %d h"), due, used, target_hours);
}

void
gest_complaint_detail_build_groups (GestComplaintDetail *self)
{
  GtkWidget *row;
  GtkWidget *button;
  g_autoptr(GtkStringList) kinds = NULL;

  self->groups[GEST_COMPLAINT_PART_SLA] =
    add_group (self, _("Service Level"), _("Counted in business hours of the dealer’s calendar, paused while the case waits on the customer"));
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Waiting on the Customer"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("The clock stops until the customer answers"));
  self->waiting_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->waiting_switch), GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->waiting_switch));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (self->waiting_switch));
  g_signal_connect_swapped (self->waiting_switch, "notify::active",
                            G_CALLBACK (gest_complaint_detail_waiting_toggled), self);
  adw_preferences_group_add (self->groups[GEST_COMPLAINT_PART_SLA], row);

  self->intake_group = add_group (self, _("Intake"), NULL);

  self->groups[GEST_COMPLAINT_PART_ASSIGNMENT] =
    add_group (self, _("Account Analysis"), _("From the customer’s plan as Conauto reported it"));
  header_button (self->groups[GEST_COMPLAINT_PART_ASSIGNMENT], _("_Assign…"),
                 G_CALLBACK (gest_complaint_detail_assign_clicked), self);

  self->contacts_group = add_group (self, _("Contact Actions"),
                                    _("Calls, emails, letters and visits in the customer’s other records"));

  self->groups[GEST_COMPLAINT_PART_TASKS] =
    add_group (self, _("Tasks"), _("Actions assigned to the people responsible, each with its due day"));
  header_button (self->groups[GEST_COMPLAINT_PART_TASKS], _("Add _Task…"),
                 G_CALLBACK (gest_complaint_detail_task_clicked), self);

  /* Q7: the day's entry. */
  self->groups[GEST_COMPLAINT_PART_LOG] =
    add_group (self, _("Log an Entry"), _("A case with no entry today is flagged on the board"));
  kinds = gtk_string_list_new ((const char *const[]) { _("Call with the Customer"),
                                                       _("Follow-up with an Area"),
                                                       _("Progress Note"), NULL });
  self->log_kind_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->log_kind_row), _("Kind"));
  adw_combo_row_set_model (self->log_kind_row, G_LIST_MODEL (kinds));
  adw_preferences_group_add (self->groups[GEST_COMPLAINT_PART_LOG], GTK_WIDGET (self->log_kind_row));
  self->log_contact_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->log_contact_row), _("With Whom (Person or Area)"));
  adw_preferences_group_add (self->groups[GEST_COMPLAINT_PART_LOG], GTK_WIDGET (self->log_contact_row));
  self->log_text_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->log_text_row), _("What Was Said or Done"));
  g_signal_connect_swapped (self->log_text_row, "entry-activated",
                            G_CALLBACK (gest_complaint_detail_log_clicked), self);
  adw_preferences_group_add (self->groups[GEST_COMPLAINT_PART_LOG], GTK_WIDGET (self->log_text_row));
  button = header_button (self->groups[GEST_COMPLAINT_PART_LOG], _("A_dd to Log"),
                          G_CALLBACK (gest_complaint_detail_log_clicked), self);
  gtk_widget_remove_css_class (button, "flat");
  gtk_widget_add_css_class (button, "suggested-action");

  /* Q8. */
  self->groups[GEST_COMPLAINT_PART_SOLUTION] =
    add_group (self, _("Solution and Answer"), _("The head of customer service approves the solution before the answer letter goes out"));
  self->solution_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->solution_row), _("Proposed Solution"));
  adw_entry_row_set_show_apply_button (self->solution_row, TRUE);
  g_signal_connect_swapped (self->solution_row, "apply", G_CALLBACK (gest_complaint_detail_solution_apply), self);
  adw_preferences_group_add (self->groups[GEST_COMPLAINT_PART_SOLUTION], GTK_WIDGET (self->solution_row));

  /* Q9, Q10, Q12. */
  self->groups[GEST_COMPLAINT_PART_CLOSURE] =
    add_group (self, _("Acceptance and Closure"), _("The case closes after the call in which the customer accepts the solution, with its cause, error and responsible area"));

  for (guint i = GEST_COMPLAINT_PART_SLA; i < GEST_COMPLAINT_N_PARTS; i++)
    self->error_labels[i] = gest_field_error_label_new (self->groups[i]);
}

static void
clear_rows (GestComplaintDetail *self)
{
  for (guint i = 0; i + 1 < self->rows->len; i += 2)
    adw_preferences_group_remove (self->rows->pdata[i], self->rows->pdata[i + 1]);
  g_ptr_array_set_size (self->rows, 0);
  g_hash_table_remove_all (self->row_texts);
}

static const char *
sla_state_label (GestComplaintSlaState state)
{
  switch (state)
    {
    case GEST_COMPLAINT_SLA_AT_RISK:
      return _("At risk: less than a fifth of the time is left");
    case GEST_COMPLAINT_SLA_MISSED:
      return _("Missed: a due moment has passed");
    case GEST_COMPLAINT_SLA_ON_TIME:
    default:
      return _("On time");
    }
}

static const char *
sla_event_label (const char *kind)
{
  if (g_strcmp0 (kind, "pause") == 0)
    return _("Paused, waiting on the customer");
  if (g_strcmp0 (kind, "resume") == 0)
    return _("Resumed");
  if (g_strcmp0 (kind, "first-response") == 0)
    return _("First response given");
  if (g_strcmp0 (kind, "response-missed") == 0)
    return _("First response missed");
  if (g_strcmp0 (kind, "resolution-missed") == 0)
    return _("Resolution missed");
  if (g_strcmp0 (kind, "reopen") == 0)
    return _("Reopened");
  return kind;
}

static void
fill_sla (GestComplaintDetail *self)
{
  const GestComplaint *c = self->complaint;
  AdwPreferencesGroup *group = self->groups[GEST_COMPLAINT_PART_SLA];
  g_autoptr(GestComplaintSlaClock) clock = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *response = NULL;
  g_autofree char *resolution = NULL;
  g_autofree char *used = NULL;

  self->filling = TRUE;
  gtk_switch_set_active (self->waiting_switch, c->waiting_customer);
  gtk_widget_set_sensitive (GTK_WIDGET (self->waiting_switch), c->stage != GEST_COMPLAINT_CLOSED);
  self->filling = FALSE;

  clock = gest_complaint_sla_clock_load (self->store, c->uuid, g_get_real_time (), &error);
  if (clock == NULL)
    {
      gest_complaint_detail_add_row (self, group, _("Clock"), error->message);
      return;
    }
  gest_complaint_detail_add_row (self, group, _("State"),
                                 clock->paused ? _("Paused while waiting on the customer") : sla_state_label (clock->state));
  used = format_minutes (clock->response_minutes);
  if (c->first_response_at != 0)
    {
      g_autofree char *at = format_time (c->first_response_at);

      /* Translators: "Given 05/12/2026 10:30, after 2 h 10 min of 8 h". */
      response = g_strdup_printf (_("Given %s, after %s of %d h"), at, used, clock->targets.response_hours);
    }
  else
    {
      response = format_due (clock->response_due_at, used, clock->targets.response_hours);
    }
  gest_complaint_detail_add_row (self, group, _("First Response"), response);
  g_clear_pointer (&used, g_free);
  used = format_minutes (clock->resolution_minutes);
  if (c->stage == GEST_COMPLAINT_CLOSED)
    resolution = g_strdup_printf (_("Closed after %s of %d h"), used, clock->targets.resolution_hours);
  else
    {
      resolution = format_due (clock->resolution_due_at, used, clock->targets.resolution_hours);
    }
  gest_complaint_detail_add_row (self, group, _("Resolution"), resolution);
  for (guint i = clock->events->len > MAX_EVENTS ? clock->events->len - MAX_EVENTS : 0; i < clock->events->len; i++)
    {
      GestComplaintSlaEvent *event = g_ptr_array_index (clock->events, i);
      g_autofree char *at = format_time (event->at);
      g_autofree char *text = event->note != NULL && *event->note != '\0'
                              ? g_strdup_printf ("%s · %s", at, event->note) : g_strdup (at);

      gest_complaint_detail_add_row (self, group, sla_event_label (event->kind), text);
    }
}

static void
fill_intake (GestComplaintDetail *self)
{
  const GestComplaint *c = self->complaint;
  AdwPreferencesGroup *group = self->intake_group;
  g_autofree char *kind = g_strdup_printf ("%s · %s", gest_complaint_kind_label (c->kind),
                                           gest_complaint_channel_label (c->channel));
  g_autofree char *who = c->complainant_role != NULL && *c->complainant_role != '\0'
                         ? g_strdup_printf ("%s · %s", c->complainant_name, c->complainant_role)
                         : g_strdup (c->complainant_name);
  g_autofree char *registered = format_time (c->created_at);

  gest_complaint_detail_add_row (self, group, _("Type"), kind);
  gest_complaint_detail_add_row (self, group, _("Customer"), c->customer_name);
  gest_complaint_detail_add_row (self, group, _("Who Complains"), who);
  gest_complaint_detail_add_row (self, group,
                                 c->channel == GEST_COMPLAINT_CHANNEL_WRITING ? _("Letter’s Text") : _("Summary"),
                                 c->summary);
  gest_complaint_detail_add_row (self, group, _("Responsible"), c->responsible_name);
  gest_complaint_detail_add_row (self, group, _("Registered"), registered);
  if (c->channel == GEST_COMPLAINT_CHANNEL_WRITING)
    gest_complaint_detail_add_row (self, group, _("Scanned Letter"),
                                   c->letter_document_uuid != NULL ? _("Among the documents below, with its preview")
                                                                   : _("Not attached"));
}

static void
add_money_row (GestComplaintDetail *self,
               AdwPreferencesGroup *group,
               const char          *title,
               GestMoney            amount)
{
  g_autofree char *text = gest_money_format (amount);

  gest_complaint_detail_add_row (self, group, title, text);
}

static void
fill_account (GestComplaintDetail *self)
{
  const GestComplaint *c = self->complaint;
  AdwPreferencesGroup *group = self->groups[GEST_COMPLAINT_PART_ASSIGNMENT];
  GestDocumentStatus status;

  gest_complaint_detail_add_row (self, group, _("Invoice"),
                                 c->invoice_number != NULL && *c->invoice_number != '\0'
                                   ? c->invoice_number : _("None recorded"));
  if (c->plan_uuid != NULL)
    {
      g_auto(GestPlanStatement) statement = { 0 };
      g_autoptr(GError) error = NULL;

      if (gest_plan_statement_load (self->store, c->plan_uuid, &statement, &error))
        {
          g_autofree char *plan = *statement.vehicle != '\0'
                                  ? g_strdup_printf ("%s · %s", statement.plan_number, statement.vehicle)
                                  : g_strdup (statement.plan_number);
          g_autofree char *as_of = g_date_valid (&statement.as_of) ? gest_date_format (&statement.as_of)
                                                                   : g_strdup (_("Unknown"));

          gest_complaint_detail_add_row (self, group, _("Plan"), plan);
          add_money_row (self, group, _("Balance"), statement.balance);
          add_money_row (self, group, _("Overdue"), statement.overdue);
          add_money_row (self, group, _("Installment"), statement.installment);
          gest_complaint_detail_add_row (self, group, _("As Of"), as_of);
        }
      else
        gest_complaint_detail_add_row (self, group, _("Plan"), error->message);
    }
  else
    gest_complaint_detail_add_row (self, group, _("Plan"), _("The complaint is not about a plan"));

  if (c->document_status != NULL && gest_document_status_from_code (c->document_status, &status))
    {
      g_autofree char *text = g_strdup_printf ("%s · %s", c->document_status, gest_document_status_meaning (status));

      gest_complaint_detail_add_row (self, group, _("Document Status"), text);
    }
  else
    gest_complaint_detail_add_row (self, group, _("Document Status"), _("Not reviewed yet: assign the case to record it"));
  gest_complaint_detail_add_row (self, group, _("Advisor"),
                                 c->advisor_name != NULL && *c->advisor_name != '\0' ? c->advisor_name : _("Not recorded"));
  gest_complaint_detail_add_row (self, group, _("Commercial Coordinator"),
                                 c->commercial_coordinator != NULL && *c->commercial_coordinator != '\0'
                                   ? c->commercial_coordinator : _("Not recorded"));
}

/* The customer's other records (every module's customer links), then their logs' contact
 * actions, newest first: bounded queries on indexes. */
static void
fill_contacts (GestComplaintDetail *self)
{
  const GestComplaint *c = self->complaint;
  GPtrArray *modules = gest_domain_modules_get ();
  g_autoptr(GHashTable) titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GString) sql = g_string_new ("SELECT record_uuid, at, user_name, kind, text, contact_name "
                                         "FROM activity WHERE kind IN ('call', 'email', 'letter', 'visit') "
                                         "AND record_uuid IN (?");
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GHashTableIter iter;
  gpointer key;
  int n = 1;
  guint shown = 0;

  g_hash_table_insert (titles, g_strdup (c->customer_uuid), g_strdup (_("Customer")));
  for (guint i = 0; i < modules->len; i++)
    {
      guint n_links = 0;
      const GestCustomerLink *links = gest_domain_module_get_customer_links (modules->pdata[i], &n_links);

      for (guint j = 0; j < n_links; j++)
        {
          g_autofree char *list = g_strdup_printf ("SELECT * FROM (%s) ORDER BY 4 DESC LIMIT 20", links[j].list_sql);
          g_autoptr(sqlite3_stmt) records = gest_store_prepare (self->store, list, NULL);

          if (records == NULL)
            continue;
          sqlite3_bind_text (records, sqlite3_bind_parameter_index (records, ":customer"), c->customer_uuid, -1,
                             SQLITE_STATIC);
          while (sqlite3_step (records) == SQLITE_ROW)
            {
              const char *uuid = (const char *) sqlite3_column_text (records, 0);

              if (g_strcmp0 (uuid, c->uuid) != 0)
                g_hash_table_replace (titles, g_strdup (uuid), g_strdup ((const char *) sqlite3_column_text (records, 1)));
            }
        }
    }
  for (guint i = 1; i < g_hash_table_size (titles); i++)
    g_string_append (sql, ", ?");
  g_string_append_printf (sql, ") ORDER BY at DESC LIMIT %d", MAX_CONTACTS);
  stmt = gest_store_prepare (self->store, sql->str, NULL);
  g_hash_table_iter_init (&iter, titles);
  while (stmt != NULL && g_hash_table_iter_next (&iter, &key, NULL))
    sqlite3_bind_text (stmt, n++, key, -1, SQLITE_STATIC);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      GestActivityKind kind = GEST_ACTIVITY_NOTE;
      const char *contact = (const char *) sqlite3_column_text (stmt, 5);
      g_autofree char *at = format_time (sqlite3_column_int64 (stmt, 1));
      g_autofree char *title = NULL;
      g_autofree char *text = NULL;

      gest_activity_kind_from_id ((const char *) sqlite3_column_text (stmt, 3), &kind);
      /* Translators: a contact action: "Call · LIQ-2026-000123 · 05/12/2026 10:30". */
      title = g_strdup_printf (_("%s · %s · %s"), gest_activity_kind_label (kind),
                               (const char *) g_hash_table_lookup (titles, sqlite3_column_text (stmt, 0)), at);
      text = contact != NULL && *contact != '\0'
             ? g_strdup_printf (_("%s (with %s, by %s)"), sqlite3_column_text (stmt, 4), contact, sqlite3_column_text (stmt, 2))
             : g_strdup_printf (_("%s (by %s)"), sqlite3_column_text (stmt, 4), sqlite3_column_text (stmt, 2));
      gest_complaint_detail_add_row (self, self->contacts_group, title, text);
      shown++;
    }
  if (shown == 0)
    gest_complaint_detail_add_row (self, self->contacts_group, _("No contact actions"),
                                   _("The customer’s other records have no calls, emails, letters or visits logged"));
}

static void
task_done_clicked_cb (GtkButton           *button,
                      GestComplaintDetail *self)
{
  GestComplaintChange *change = gest_complaint_change_new (GEST_COMPLAINT_OP_TASK_DONE);

  change->text = g_strdup (g_object_get_data (G_OBJECT (button), "gest-task-uuid"));
  gest_complaint_detail_run (self, change, GEST_COMPLAINT_PART_TASKS, _("Task marked as done"));
}

static void
fill_tasks (GestComplaintDetail *self)
{
  AdwPreferencesGroup *group = self->groups[GEST_COMPLAINT_PART_TASKS];
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GError) error = NULL;
  GDate today;

  gest_date_today (&today);
  tasks = gest_complaint_list_tasks (self->store, self->complaint->uuid, NULL, &error);
  if (tasks == NULL)
    {
      gest_complaint_detail_add_row (self, group, _("Tasks"), error->message);
      return;
    }
  if (tasks->len == 0)
    gest_complaint_detail_add_row (self, group, _("No tasks"), _("Assign the actions the case needs to the people responsible"));
  for (guint i = 0; i < tasks->len; i++)
    {
      GestComplaintTask *task = g_ptr_array_index (tasks, i);
      g_autofree char *due = gest_date_format (&task->due);
      g_autofree char *text = NULL;
      AdwActionRow *row;

      if (task->done_at != 0)
        {
          g_autofree char *done = format_time (task->done_at);

          /* Translators: a task done: "Laura Méndez · due 05/12/2026 · done 04/12/2026 12:00 by Patricia Gómez". */
          text = g_strdup_printf (_("%s · due %s · done %s by %s"), task->assignee_name, due, done,
                                  task->done_by_name != NULL ? task->done_by_name : "");
        }
      else if (g_date_compare (&task->due, &today) < 0)
        text = g_strdup_printf (_("%s · overdue since %s"), task->assignee_name, due);
      else
        text = g_strdup_printf (_("%s · due %s"), task->assignee_name, due);
      row = gest_complaint_detail_add_row (self, group, task->description, text);
      if (task->done_at == 0)
        {
          GtkWidget *button = gtk_button_new_with_label (_("Mark Done"));

          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_widget_set_tooltip_text (button, _("Mark the task as done"));
          g_object_set_data_full (G_OBJECT (button), "gest-task-uuid", g_strdup (task->uuid), g_free);
          g_signal_connect_object (button, "clicked", G_CALLBACK (task_done_clicked_cb), self, 0);
          adw_action_row_add_suffix (row, button);
        }
    }
}

static void
fill_solution (GestComplaintDetail *self)
{
  const GestComplaint *c = self->complaint;
  AdwPreferencesGroup *group = self->groups[GEST_COMPLAINT_PART_SOLUTION];
  AdwActionRow *row;
  g_autofree char *text = NULL;
  gboolean open = c->stage != GEST_COMPLAINT_CLOSED && c->stage != GEST_COMPLAINT_ANNULMENT;

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->solution_row)), c->solution) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->solution_row), c->solution != NULL ? c->solution : "");
  gtk_widget_set_sensitive (GTK_WIDGET (self->solution_row), open);

  if (c->in_process_sent_at != 0)
    {
      g_autofree char *at = format_time (c->in_process_sent_at);

      text = g_strdup_printf (g_strcmp0 (c->in_process_channel, "phone") == 0 ? _("Given by phone on %s")
                                                                              : _("Sent by email on %s"), at);
    }
  row = gest_complaint_detail_add_row (self, group, _("“In Process” Message"),
                                       text != NULL ? text : _("Not sent yet: the case cannot move to follow-up without it"));
  if (c->in_process_sent_at == 0 && open)
    row_button (row, _("_Send…"), G_CALLBACK (gest_complaint_detail_in_process_clicked), self);
  g_clear_pointer (&text, g_free);

  if (c->solution_approved_at != 0)
    {
      g_autofree char *at = format_time (c->solution_approved_at);

      text = g_strdup_printf (_("Approved by %s on %s"), c->solution_approved_by_name, at);
    }
  row = gest_complaint_detail_add_row (self, group, _("Head’s Approval"),
                                       text != NULL ? text
                                       : c->solution != NULL && *c->solution != '\0'
                                         ? _("Waiting for the head of customer service")
                                         : _("Write the solution first"));
  if (c->solution_approved_at == 0 && c->solution != NULL && *c->solution != '\0' && open)
    row_button (row, _("A_pprove"), G_CALLBACK (gest_complaint_detail_approve), self);
  g_clear_pointer (&text, g_free);

  if (c->answer_sent_at != 0)
    {
      g_autofree char *at = format_time (c->answer_sent_at);

      text = g_strdup_printf (_("Sent on %s"), at);
    }
  row = gest_complaint_detail_add_row (self, group, _("Answer Letter"), text != NULL ? text : _("Not sent yet"));
  if (c->answer_sent_at == 0 && open)
    row_button (row, _("_Answer Letter…"), G_CALLBACK (gest_complaint_detail_letter_clicked), self);
  g_clear_pointer (&text, g_free);

  if (c->receipt_confirmed_at != 0)
    {
      g_autofree char *at = format_time (c->receipt_confirmed_at);

      text = g_strdup_printf (_("Confirmed on %s"), at);
    }
  row = gest_complaint_detail_add_row (self, group, _("Receipt"), text != NULL ? text : _("Not confirmed yet"));
  if (c->answer_sent_at != 0 && c->receipt_confirmed_at == 0 && open)
    row_button (row, _("C_onfirm…"), G_CALLBACK (gest_complaint_detail_receipt_clicked), self);
}

static void
fill_closure (GestComplaintDetail *self)
{
  const GestComplaint *c = self->complaint;
  AdwPreferencesGroup *group = self->groups[GEST_COMPLAINT_PART_CLOSURE];
  AdwActionRow *row;
  g_autofree char *text = NULL;

  if (c->acceptance_call_at != 0)
    {
      g_autofree char *at = format_time (c->acceptance_call_at);

      text = c->acceptance_note != NULL && *c->acceptance_note != '\0'
             ? g_strdup_printf (_("Accepted on %s: %s"), at, c->acceptance_note)
             : g_strdup_printf (_("Accepted on %s"), at);
    }
  row = gest_complaint_detail_add_row (self, group, _("Acceptance Call"), text != NULL ? text : _("Not recorded yet"));
  if (c->acceptance_call_at == 0 && c->stage != GEST_COMPLAINT_CLOSED)
    row_button (row, _("_Record Call…"), G_CALLBACK (gest_complaint_detail_acceptance_clicked), self);

  if (c->stage == GEST_COMPLAINT_CLOSED || c->cause_label != NULL)
    {
      gest_complaint_detail_add_row (self, group, _("Cause"), c->cause_label);
      gest_complaint_detail_add_row (self, group, _("Error"), c->error_label);
      gest_complaint_detail_add_row (self, group, _("Responsible Area"), c->area_label);
    }
  if (c->stage == GEST_COMPLAINT_CLOSED)
    {
      g_autofree char *at = format_time (c->closed_at);

      row = gest_complaint_detail_add_row (self, group, _("Closed"), at);
      row_button (row, _("_Reopen…"), G_CALLBACK (gest_complaint_detail_reopen_clicked), self);
    }
  else if (c->stage != GEST_COMPLAINT_ANNULMENT)
    {
      row = gest_complaint_detail_add_row (self, group, _("Close the Case"),
                                           _("With the cause, error and responsible area from the catalogs"));
      row_button (row, _("C_lose Case…"), G_CALLBACK (gest_complaint_detail_close_clicked), self);
    }
  row = gest_complaint_detail_add_row (self, group, _("Annulment"),
                                       c->annulment_uuid != NULL ? _("Linked: the case closes when it is filed")
                                                                 : _("When the solution is to annul the purchase, with or without costs"));
  if (c->stage != GEST_COMPLAINT_CLOSED)
    row_button (row, c->annulment_uuid != NULL ? _("_Open Annulment") : _("_End in Annulment…"),
                G_CALLBACK (gest_complaint_detail_annulment_clicked), self);
}

void
gest_complaint_detail_fill_groups (GestComplaintDetail *self)
{
  clear_rows (self);
  fill_sla (self);
  fill_intake (self);
  fill_account (self);
  fill_contacts (self);
  fill_tasks (self);
  fill_solution (self);
  fill_closure (self);
}
