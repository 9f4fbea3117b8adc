/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-agenda-sessions-view"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-agenda-sessions-view.h"
#include "gest-agenda-text.h"
#include "gest-field-error.h"
#include "gest-reservation.h"
#include "gest-tech-session.h"

struct _GestAgendaSessionsView
{
  GtkWidget            parent_instance;

  GtkWidget           *scrolled;      /* the only child */
  GtkWidget           *day_label;
  AdwPreferencesGroup *group;
  GtkLabel            *error;
  GPtrArray           *rows;          /* borrowed */

  GestContext         *context;
  GestStore           *store;         /* the context's */
  char                *day;
  char                *error_text;
  gboolean             busy;
};

G_DEFINE_FINAL_TYPE (GestAgendaSessionsView, gest_agenda_sessions_view, GTK_TYPE_WIDGET)

/* --- The book dialog ------------------------------------------------------------------------ */

typedef struct
{
  GtkWindow   *window;
  GestContext *context;
  GtkWidget   *book_button;
  AdwComboRow *time_row;
  GtkWidget   *name_row;
  GtkWidget   *type_row;
  GtkWidget   *model_row;
  GtkLabel    *error;
  GArray      *times;       /* int: the free slots offered */
  char        *day;
  char        *reservation_uuid;
  char        *customer_uuid;
  GClosure    *done;
} SessionDialog;

typedef struct
{
  char *day;
  int   starts_min;
  char *customer_uuid;
  char *customer_name;
  char *vehicle_type;
  char *model;
  char *reservation_uuid;
  char *state;              /* a state change: the session's uuid in customer_uuid */
} SessionWrite;

static void
session_dialog_free (SessionDialog *dialog)
{
  g_clear_object (&dialog->context);
  g_clear_pointer (&dialog->times, g_array_unref);
  g_clear_pointer (&dialog->done, g_closure_unref);
  g_free (dialog->day);
  g_free (dialog->reservation_uuid);
  g_free (dialog->customer_uuid);
  g_free (dialog);
}

static void
session_write_free (gpointer data)
{
  SessionWrite *w = data;

  g_free (w->day);
  g_free (w->customer_uuid);
  g_free (w->customer_name);
  g_free (w->vehicle_type);
  g_free (w->model);
  g_free (w->reservation_uuid);
  g_free (w->state);
  g_free (w);
}

static gboolean
session_write (GestStore  *store,
               gpointer    data,
               GError    **error)
{
  SessionWrite *w = data;
  g_autofree char *uuid = NULL;

  if (w->state != NULL)
    return gest_tech_session_set_state (store, w->customer_uuid, w->state, error);
  uuid = gest_tech_session_book (store, w->day, w->starts_min, w->customer_uuid, w->customer_name, w->vehicle_type,
                                 w->model, w->reservation_uuid, error);
  return uuid != NULL;
}

static void
session_booked_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  SessionDialog *dialog = user_data;
  g_autoptr(GError) error = NULL;

  gtk_widget_set_sensitive (dialog->book_button, TRUE);
  if (!gest_store_write_finish (GEST_STORE (object), result, &error))
    gest_field_error_show (NULL, dialog->error, error->message);
  else
    {
      if (dialog->done != NULL)
        g_closure_invoke (dialog->done, NULL, 0, NULL, NULL);
      gtk_window_close (dialog->window);
    }
  g_object_unref (dialog->window);
}

static void
session_book_cb (SessionDialog *dialog)
{
  SessionWrite *w = g_new0 (SessionWrite, 1);
  guint selected = adw_combo_row_get_selected (dialog->time_row);

  w->day = g_strdup (dialog->day);
  w->starts_min = selected < dialog->times->len ? g_array_index (dialog->times, int, selected) : -1;
  w->customer_uuid = g_strdup (dialog->customer_uuid);
  w->customer_name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (dialog->name_row))));
  w->vehicle_type = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (dialog->type_row))));
  w->model = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (dialog->model_row))));
  w->reservation_uuid = g_strdup (dialog->reservation_uuid);
  if (w->starts_min < 0)
    {
      gest_field_error_show (GTK_WIDGET (dialog->time_row), dialog->error,
                             _("No session slot is free that day: choose another day in the agenda."));
      session_write_free (w);
      return;
    }
  gest_field_error_show (NULL, dialog->error, NULL);
  gtk_widget_set_sensitive (dialog->book_button, FALSE);
  g_object_ref (dialog->window);   /* released in session_booked_cb() */
  gest_store_write_async (gest_context_get_store (dialog->context), session_write, w, session_write_free, NULL,
                          session_booked_cb, dialog);
}

static void
prefill_from_reservation (SessionDialog *dialog)
{
  GestStore *store = gest_context_get_store (dialog->context);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = gest_store_prepare (store,
                             "SELECT r.customer_uuid, COALESCE (c.name, r.contact_name), COALESCE (v.model, ''),"
                             " COALESCE (v.year, '')"
                             " FROM reservations r LEFT JOIN customers c ON c.uuid = r.customer_uuid"
                             " LEFT JOIN vehicles v ON v.uuid = r.vehicle_uuid WHERE r.uuid = ?1", NULL);
  if (stmt == NULL)
    return;
  sqlite3_bind_text (stmt, 1, dialog->reservation_uuid, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *model = g_strdup_printf ("%s %s", (const char *) sqlite3_column_text (stmt, 2),
                                                (const char *) sqlite3_column_text (stmt, 3));

      dialog->customer_uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      gtk_editable_set_text (GTK_EDITABLE (dialog->name_row), (const char *) sqlite3_column_text (stmt, 1));
      gtk_editable_set_text (GTK_EDITABLE (dialog->model_row), g_strstrip (model));
    }
}

GtkWidget *
gest_agenda_session_dialog_present (GtkWindow   *parent,
                                    GestContext *context,
                                    const char  *day,
                                    int          starts_min,
                                    const char  *reservation_uuid,
                                    GClosure    *done)
{
  SessionDialog *dialog;
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkStringList *labels = gtk_string_list_new (NULL);
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *day_text = NULL;
  g_autofree char *description = NULL;
  guint selected = 0;

  g_return_val_if_fail (GEST_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (day != NULL, NULL);

  dialog = g_new0 (SessionDialog, 1);
  dialog->window = GTK_WINDOW (window);
  dialog->context = g_object_ref (context);
  dialog->day = g_strdup (day);
  dialog->reservation_uuid = g_strdup (reservation_uuid);
  if (done != NULL)
    {
      dialog->done = g_closure_ref (done);
      g_closure_sink (done);
    }
  dialog->times = gest_tech_sessions_free (gest_context_get_store (context), day, &error);
  if (dialog->times == NULL)
    dialog->times = g_array_new (FALSE, FALSE, sizeof (int));
  for (guint i = 0; i < dialog->times->len; i++)
    {
      g_autofree char *time = gest_agenda_time_text (g_array_index (dialog->times, int, i));

      gtk_string_list_append (labels, time);
      if (g_array_index (dialog->times, int, i) == starts_min)
        selected = i;
    }
  g_object_weak_ref (G_OBJECT (window), (GWeakNotify) session_dialog_free, dialog);

  gtk_window_set_title (GTK_WINDOW (window), _("Book a Technology Session"));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_default_size (GTK_WINDOW (window), 480, 520);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, shortcuts);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  dialog->book_button = gtk_button_new_with_mnemonic (_("_Book"));
  gtk_widget_add_css_class (dialog->book_button, "suggested-action");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), dialog->book_button);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_close), window);
  g_signal_connect_swapped (dialog->book_button, "clicked", G_CALLBACK (session_book_cb), dialog);

  day_text = gest_agenda_day_text (day);
  /* Translators: %s is a day, dd/mm/yyyy. */
  description = g_strdup_printf (_("The technology specialist’s free slots on %s"), day_text);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  dialog->time_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (dialog->time_row), _("Time"));
  adw_combo_row_set_model (dialog->time_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (dialog->time_row, selected);
  g_object_unref (labels);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (dialog->time_row));
  dialog->name_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (dialog->name_row), _("Customer"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), dialog->name_row);
  dialog->type_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (dialog->type_row), _("Vehicle Type (SUV, pickup, sedan…)"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), dialog->type_row);
  dialog->model_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (dialog->model_row), _("Model"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), dialog->model_row);
  dialog->error = gest_field_error_label_new (ADW_PREFERENCES_GROUP (group));
  if (error != NULL)
    gest_field_error_show (NULL, dialog->error, error->message);
  if (reservation_uuid != NULL)
    prefill_from_reservation (dialog);

  gtk_widget_set_margin_top (group, 18);
  gtk_widget_set_margin_bottom (group, 18);
  gtk_widget_set_margin_start (group, 12);
  gtk_widget_set_margin_end (group, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), group);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

/* --- The view ------------------------------------------------------------------------------ */

static const char *
state_label (const char *state)
{
  if (g_strcmp0 (state, "held") == 0)
    return _("Held");
  if (g_strcmp0 (state, "missed") == 0)
    return _("Missed");
  if (g_strcmp0 (state, "cancelled") == 0)
    return _("Cancelled");
  return _("Booked");
}

static void
show_error (GestAgendaSessionsView *self,
            const char             *message)
{
  g_free (self->error_text);
  self->error_text = g_strdup (message);
  gest_field_error_show (NULL, self->error, message);
}

static void
state_saved_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GestAgendaSessionsView) self = user_data;
  g_autoptr(GError) error = NULL;

  self->busy = FALSE;
  if (self->store == NULL)
    return;
  if (!gest_store_write_finish (GEST_STORE (object), result, &error))
    {
      show_error (self, error->message);
      return;
    }
  gest_agenda_sessions_view_reload (self);
}

static void
state_clicked_cb (GtkButton              *button,
                  GestAgendaSessionsView *self)
{
  SessionWrite *w;

  if (self->busy)
    return;
  self->busy = TRUE;
  w = g_new0 (SessionWrite, 1);
  w->customer_uuid = g_strdup (g_object_get_data (G_OBJECT (button), "gest-session"));
  w->state = g_strdup (g_object_get_data (G_OBJECT (button), "gest-state"));
  gest_store_write_async (self->store, session_write, w, session_write_free, NULL, state_saved_cb, g_object_ref (self));
}

static void
booked_cb (GestAgendaSessionsView *self)
{
  gest_agenda_sessions_view_reload (self);
}

static void
book_clicked_cb (GtkButton              *button,
                 GestAgendaSessionsView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gest_agenda_session_dialog_present (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->context, self->day,
                                      GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "gest-time")), NULL,
                                      g_cclosure_new_object_swap (G_CALLBACK (booked_cb), G_OBJECT (self)));
}

static GtkWidget *
button_new (const char *label,
            GCallback   callback,
            gpointer    user_data)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect (button, "clicked", callback, user_data);
  return button;
}

static GtkWidget *
add_row (GestAgendaSessionsView *self,
         const char             *title,
         const char             *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_group_add (self->group, row);
  g_ptr_array_add (self->rows, row);
  return row;
}

static void
day_clicked_cb (GtkButton              *button,
                GestAgendaSessionsView *self)
{
  int offset = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "gest-offset"));
  g_autofree char *day = offset == 0 ? gest_agenda_today_iso (0) : gest_agenda_day_add (self->day, offset);

  gest_agenda_sessions_view_set_day (self, day);
}

static void
gest_agenda_sessions_view_dispose (GObject *object)
{
  GestAgendaSessionsView *self = GEST_AGENDA_SESSIONS_VIEW (object);

  g_clear_pointer (&self->scrolled, gtk_widget_unparent);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (gest_agenda_sessions_view_parent_class)->dispose (object);
}

static void
gest_agenda_sessions_view_finalize (GObject *object)
{
  GestAgendaSessionsView *self = GEST_AGENDA_SESSIONS_VIEW (object);

  g_ptr_array_unref (self->rows);
  g_free (self->day);
  g_free (self->error_text);

  G_OBJECT_CLASS (gest_agenda_sessions_view_parent_class)->finalize (object);
}

static void
gest_agenda_sessions_view_class_init (GestAgendaSessionsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gest_agenda_sessions_view_dispose;
  object_class->finalize = gest_agenda_sessions_view_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gest_agenda_sessions_view_init (GestAgendaSessionsView *self)
{
  self->rows = g_ptr_array_new ();
}

GtkWidget *
gest_agenda_sessions_view_new (GestContext *context)
{
  GestAgendaSessionsView *self;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *nav = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *clamp = adw_clamp_new ();
  const struct { const char *icon; const char *tooltip; int offset; } days[] = {
    { "go-previous-symbolic", N_("Previous Day"), -1 },
    { NULL, N_("_Today"), 0 },
    { "go-next-symbolic", N_("Next Day"), 1 },
  };

  g_return_val_if_fail (GEST_IS_CONTEXT (context), NULL);

  self = g_object_new (GEST_TYPE_AGENDA_SESSIONS_VIEW, NULL);
  self->context = g_object_ref (context);
  self->store = g_object_ref (gest_context_get_store (context));
  self->day = gest_agenda_today_iso (0);
  self->day_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->day_label, "title-4");
  gtk_widget_set_hexpand (self->day_label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->day_label), 0);
  gtk_box_append (GTK_BOX (nav), self->day_label);
  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      GtkWidget *button = days[i].icon != NULL ? gtk_button_new_from_icon_name (days[i].icon)
                                               : gtk_button_new_with_mnemonic (_(days[i].tooltip));

      if (days[i].icon != NULL)
        {
          gtk_widget_set_tooltip_text (button, _(days[i].tooltip));
          gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _(days[i].tooltip), -1);
        }
      g_object_set_data (G_OBJECT (button), "gest-offset", GINT_TO_POINTER (days[i].offset));
      g_signal_connect (button, "clicked", G_CALLBACK (day_clicked_cb), self);
      gtk_box_append (GTK_BOX (nav), button);
    }
  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->group, _("Technology Sessions"));
  adw_preferences_group_set_description (self->group,
                                         _("The specialist shows customers their vehicle’s technology. Book a free slot, "
                                           "or from a reservation’s page."));
  self->error = gest_field_error_label_new (self->group);
  gtk_box_append (GTK_BOX (box), nav);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->group));
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), clamp);
  gtk_widget_set_parent (self->scrolled, GTK_WIDGET (self));
  gest_agenda_sessions_view_reload (self);
  return GTK_WIDGET (self);
}

void
gest_agenda_sessions_view_set_day (GestAgendaSessionsView *self,
                                   const char             *day)
{
  g_return_if_fail (GEST_IS_AGENDA_SESSIONS_VIEW (self));
  g_return_if_fail (day != NULL);

  if (g_strcmp0 (self->day, day) == 0)
    return;
  g_free (self->day);
  self->day = g_strdup (day);
  gest_agenda_sessions_view_reload (self);
}

const char *
gest_agenda_sessions_view_get_day (GestAgendaSessionsView *self)
{
  g_return_val_if_fail (GEST_IS_AGENDA_SESSIONS_VIEW (self), NULL);

  return self->day;
}

const char *
gest_agenda_sessions_view_get_error (GestAgendaSessionsView *self)
{
  g_return_val_if_fail (GEST_IS_AGENDA_SESSIONS_VIEW (self), NULL);

  return self->error_text;
}

void
gest_agenda_sessions_view_reload (GestAgendaSessionsView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GArray) free_times = NULL;
  g_autofree char *day_text = NULL;
  guint s = 0, f = 0;

  g_return_if_fail (GEST_IS_AGENDA_SESSIONS_VIEW (self));

  day_text = gest_agenda_day_text (self->day);
  gtk_label_set_text (GTK_LABEL (self->day_label), day_text);
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  show_error (self, NULL);
  sessions = gest_tech_sessions_day (self->store, self->day, &error);
  if (sessions != NULL)
    free_times = gest_tech_sessions_free (self->store, self->day, &error);
  if (sessions == NULL || free_times == NULL)
    {
      show_error (self, error->message);
      return;
    }
  if (sessions->len == 0 && free_times->len == 0)
    add_row (self, _("No sessions this day"),
             _("The specialist has no session slots on a non-working day. Choose another day."));
  /* Both lists are by time: merge them, so the day reads slot by slot. */
  while (s < sessions->len || f < free_times->len)
    {
      GestTechSession *session = s < sessions->len ? g_ptr_array_index (sessions, s) : NULL;
      int free_at = f < free_times->len ? g_array_index (free_times, int, f) : G_MAXINT;

      if (session != NULL && session->starts_min <= free_at)
        {
          g_autofree char *time = gest_agenda_time_text (session->starts_min);
          /* Translators: a session: "María Pérez · SUV Escape 2021 · Booked". */
          g_autofree char *text = g_strdup_printf (_("%s · %s %s · %s"), session->customer_name,
                                                   session->vehicle_type != NULL ? session->vehicle_type : "",
                                                   session->model != NULL ? session->model : "",
                                                   state_label (session->state));
          GtkWidget *row = add_row (self, time, text);

          if (g_strcmp0 (session->state, "booked") == 0)
            {
              GtkWidget *held = button_new (_("_Held"), G_CALLBACK (state_clicked_cb), self);
              GtkWidget *missed = button_new (_("_Missed"), G_CALLBACK (state_clicked_cb), self);

              g_object_set_data_full (G_OBJECT (held), "gest-session", g_strdup (session->uuid), g_free);
              g_object_set_data (G_OBJECT (held), "gest-state", (gpointer) "held");
              g_object_set_data_full (G_OBJECT (missed), "gest-session", g_strdup (session->uuid), g_free);
              g_object_set_data (G_OBJECT (missed), "gest-state", (gpointer) "missed");
              adw_action_row_add_suffix (ADW_ACTION_ROW (row), held);
              adw_action_row_add_suffix (ADW_ACTION_ROW (row), missed);
            }
          s++;
        }
      else
        {
          g_autofree char *time = gest_agenda_time_text (free_at);
          GtkWidget *row = add_row (self, time, _("Free"));
          GtkWidget *book = button_new (_("_Book…"), G_CALLBACK (book_clicked_cb), self);

          g_object_set_data (G_OBJECT (book), "gest-time", GINT_TO_POINTER (free_at));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), book);
          f++;
        }
    }
}
