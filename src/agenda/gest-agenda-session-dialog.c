/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-agenda-session-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-agenda-sessions-view.h"
#include "gest-agenda-text.h"
#include "gest-field-error.h"
#include "gest-reservation-reader.h"
#include "gest-tech-session.h"

/* The book-a-session window (S9; issue 15), declared in gest-agenda-sessions-view.h. It reads
 * the day's free slots (and the reservation's customer and vehicle) in a thread: the time row
 * and "Book" wait for them. */

typedef struct
{
  GtkWindow        *window;        /* NULL once the window is gone */
  GestContext      *context;
  GtkWidget        *book_button;
  AdwComboRow      *time_row;
  GtkWidget        *name_row;
  GtkWidget        *type_row;
  GtkWidget        *model_row;
  GtkLabel         *error;
  GArray           *times;         /* int: the free slots offered; NULL while they load */
  int               starts_min;    /* the slot asked for, -1: the first */
  char             *day;
  char             *reservation_uuid;
  char             *customer_uuid;
  GClosure         *done;
  GCancellable     *cancellable;
  gatomicrefcount   refs;          /* the window's, and each load's or save's */
} SessionDialog;

typedef struct
{
  char *day;
  char *reservation_uuid;
} DialogQuery;

typedef struct
{
  GArray *times;
  char   *customer_uuid;          /* from the reservation, or NULL */
  char   *customer_name;
  char   *model;
} DialogData;

typedef struct
{
  char *day;
  int   starts_min;
  char *customer_uuid;
  char *customer_name;
  char *vehicle_type;
  char *model;
  char *reservation_uuid;
} BookWrite;

static SessionDialog *
session_dialog_ref (SessionDialog *dialog)
{
  g_atomic_ref_count_inc (&dialog->refs);
  return dialog;
}

static void
session_dialog_unref (SessionDialog *dialog)
{
  if (!g_atomic_ref_count_dec (&dialog->refs))
    return;
  g_clear_object (&dialog->context);
  g_clear_object (&dialog->cancellable);
  g_clear_pointer (&dialog->times, g_array_unref);
  g_clear_pointer (&dialog->done, g_closure_unref);
  g_free (dialog->day);
  g_free (dialog->reservation_uuid);
  g_free (dialog->customer_uuid);
  g_free (dialog);
}

static void
window_gone (gpointer  data,
             GObject  *where_the_object_was)
{
  SessionDialog *dialog = data;

  dialog->window = NULL;
  g_cancellable_cancel (dialog->cancellable);
  session_dialog_unref (dialog);
}

static void
dialog_query_free (gpointer data)
{
  DialogQuery *query = data;

  g_free (query->day);
  g_free (query->reservation_uuid);
  g_free (query);
}

static void
dialog_data_free (gpointer data)
{
  DialogData *loaded = data;

  g_clear_pointer (&loaded->times, g_array_unref);
  g_free (loaded->customer_uuid);
  g_free (loaded->customer_name);
  g_free (loaded->model);
  g_free (loaded);
}

static void
book_write_free (gpointer data)
{
  BookWrite *w = data;

  g_free (w->day);
  g_free (w->customer_uuid);
  g_free (w->customer_name);
  g_free (w->vehicle_type);
  g_free (w->model);
  g_free (w->reservation_uuid);
  g_free (w);
}

/* In the reader's thread. */
static gpointer
dialog_load (GestStore     *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  DialogQuery *query = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  DialogData *loaded = g_new0 (DialogData, 1);

  loaded->times = gest_tech_sessions_free (store, query->day, error);
  if (loaded->times == NULL)
    {
      dialog_data_free (loaded);
      return NULL;
    }
  if (query->reservation_uuid == NULL)
    return loaded;
  stmt = gest_store_prepare (store,
                             "SELECT r.customer_uuid, COALESCE (c.name, r.contact_name), COALESCE (v.model, ''),"
                             " COALESCE (v.year, '')"
                             " FROM reservations r LEFT JOIN customers c ON c.uuid = r.customer_uuid"
                             " LEFT JOIN vehicles v ON v.uuid = r.vehicle_uuid WHERE r.uuid = ?1", error);
  if (stmt == NULL)
    {
      dialog_data_free (loaded);
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, query->reservation_uuid, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      loaded->customer_uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      loaded->customer_name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      loaded->model = g_strstrip (g_strdup_printf ("%s %s", (const char *) sqlite3_column_text (stmt, 2),
                                                   (const char *) sqlite3_column_text (stmt, 3)));
    }
  return loaded;
}

static void
dialog_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  SessionDialog *dialog = user_data;
  g_autoptr(GError) error = NULL;
  DialogData *loaded = gest_reservation_reader_run_finish (result, &error);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint selected = 0;

  if (dialog->window == NULL)
    {
      g_clear_pointer (&loaded, dialog_data_free);
      session_dialog_unref (dialog);
      return;
    }
  if (loaded == NULL)
    {
      gest_field_error_show (NULL, dialog->error, error->message);
      session_dialog_unref (dialog);
      return;
    }
  dialog->times = g_steal_pointer (&loaded->times);
  for (guint i = 0; i < dialog->times->len; i++)
    {
      g_autofree char *time = gest_agenda_time_text (g_array_index (dialog->times, int, i));

      gtk_string_list_append (labels, time);
      if (g_array_index (dialog->times, int, i) == dialog->starts_min)
        selected = i;
    }
  adw_combo_row_set_model (dialog->time_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (dialog->time_row, selected);
  gtk_widget_set_sensitive (GTK_WIDGET (dialog->time_row), TRUE);
  if (loaded->customer_name != NULL)
    {
      dialog->customer_uuid = g_steal_pointer (&loaded->customer_uuid);
      gtk_editable_set_text (GTK_EDITABLE (dialog->name_row), loaded->customer_name);
      gtk_editable_set_text (GTK_EDITABLE (dialog->model_row), loaded->model);
    }
  gtk_widget_set_sensitive (dialog->book_button, TRUE);
  dialog_data_free (loaded);
  session_dialog_unref (dialog);
}

static gboolean
book_write (GestStore  *store,
            gpointer    data,
            GError    **error)
{
  BookWrite *w = data;
  g_autofree char *uuid = NULL;

  uuid = gest_tech_session_book (store, w->day, w->starts_min, w->customer_uuid, w->customer_name, w->vehicle_type,
                                 w->model, w->reservation_uuid, error);
  return uuid != NULL;
}

static void
booked_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  SessionDialog *dialog = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok = gest_store_write_finish (GEST_STORE (object), result, &error);

  if (dialog->window != NULL)
    {
      gtk_widget_set_sensitive (dialog->book_button, TRUE);
      if (!ok)
        gest_field_error_show (NULL, dialog->error, error->message);
      else
        {
          if (dialog->done != NULL)
            {
              GValue arg = G_VALUE_INIT;

              /* VOID__VOID takes the instance: a NULL pointer, the closure's data comes first. */
              g_value_init (&arg, G_TYPE_POINTER);
              g_closure_invoke (dialog->done, NULL, 1, &arg, NULL);
              g_value_unset (&arg);
            }
          gtk_window_close (dialog->window);
        }
    }
  session_dialog_unref (dialog);
}

static void
book_clicked_cb (SessionDialog *dialog)
{
  BookWrite *w;
  guint selected = adw_combo_row_get_selected (dialog->time_row);

  if (dialog->times == NULL)
    return;
  if (selected >= dialog->times->len)
    {
      gest_field_error_show (GTK_WIDGET (dialog->time_row), dialog->error,
                             _("No session slot is free that day: choose another day in the agenda."));
      return;
    }
  w = g_new0 (BookWrite, 1);
  w->day = g_strdup (dialog->day);
  w->starts_min = g_array_index (dialog->times, int, selected);
  w->customer_uuid = g_strdup (dialog->customer_uuid);
  w->customer_name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (dialog->name_row))));
  w->vehicle_type = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (dialog->type_row))));
  w->model = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (dialog->model_row))));
  w->reservation_uuid = g_strdup (dialog->reservation_uuid);
  gest_field_error_show (NULL, dialog->error, NULL);
  gtk_widget_set_sensitive (dialog->book_button, FALSE);
  gest_store_write_async (gest_context_get_store (dialog->context), book_write, w, book_write_free, NULL,
                          booked_cb, session_dialog_ref (dialog));
}

static GtkWidget *
entry_row_new (AdwPreferencesGroup *group,
               const char          *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_group_add (group, row);
  return row;
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
  GtkWidget *window;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();
  g_autoptr(GestReservationReader) reader = NULL;
  g_autofree char *day_text = NULL;
  g_autofree char *description = NULL;
  DialogQuery *query;

  g_return_val_if_fail (GEST_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (day != NULL, NULL);

  window = adw_window_new ();
  dialog = g_new0 (SessionDialog, 1);
  g_atomic_ref_count_init (&dialog->refs);
  dialog->window = GTK_WINDOW (window);
  dialog->context = g_object_ref (context);
  dialog->cancellable = g_cancellable_new ();
  dialog->day = g_strdup (day);
  dialog->starts_min = starts_min;
  dialog->reservation_uuid = g_strdup (reservation_uuid);
  if (done != NULL)
    {
      dialog->done = g_closure_ref (done);
      g_closure_sink (done);
      if (done->marshal == NULL)
        g_closure_set_marshal (done, g_cclosure_marshal_VOID__VOID);
    }
  g_object_weak_ref (G_OBJECT (window), window_gone, dialog);

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
  gtk_widget_set_sensitive (dialog->book_button, FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), dialog->book_button);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_close), window);
  g_signal_connect_swapped (dialog->book_button, "clicked", G_CALLBACK (book_clicked_cb), dialog);

  day_text = gest_agenda_day_text (day);
  /* Translators: %s is a day, dd/mm/yyyy. */
  description = g_strdup_printf (_("The technology specialist’s free slots on %s"), day_text);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  dialog->time_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (dialog->time_row), _("Time"));
  gtk_widget_set_sensitive (GTK_WIDGET (dialog->time_row), FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (dialog->time_row));
  dialog->name_row = entry_row_new (ADW_PREFERENCES_GROUP (group), _("Customer"));
  dialog->type_row = entry_row_new (ADW_PREFERENCES_GROUP (group), _("Vehicle Type (SUV, pickup, sedan…)"));
  dialog->model_row = entry_row_new (ADW_PREFERENCES_GROUP (group), _("Model"));
  dialog->error = gest_field_error_label_new (ADW_PREFERENCES_GROUP (group));

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

  query = g_new0 (DialogQuery, 1);
  query->day = g_strdup (day);
  query->reservation_uuid = g_strdup (reservation_uuid);
  reader = gest_reservation_reader_new (gest_store_get_path (gest_context_get_store (context)));
  gest_reservation_reader_run_async (reader, dialog_load, query, dialog_query_free, dialog_data_free,
                                     dialog->cancellable, dialog_loaded_cb, session_dialog_ref (dialog));
  gtk_window_present (GTK_WINDOW (window));
  return window;
}
