/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-agenda-print"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-agenda-mail.h"
#include "gest-agenda-print.h"
#include "gest-business-calendar-store.h"
#include "gest-date.h"
#include "gest-document-print.h"
#include "gest-field-error.h"

typedef struct
{
  char      *db_path;
  char      *path;      /* where the PDF goes */
  char      *day;       /* the day rendered */
  GtkWindow *parent;
} PrintData;

static void
print_data_free (gpointer data)
{
  PrintData *p = data;

  g_free (p->db_path);
  g_free (p->path);
  g_free (p->day);
  g_clear_object (&p->parent);
  g_free (p);
}

/* The working day after today in the dealer's calendar (a week ahead at most). */
static char *
next_working_day (GestStore  *store,
                  GError    **error)
{
  g_autoptr(GestBusinessCalendar) calendar = gest_business_calendar_load (store, error);
  GDate day;

  if (calendar == NULL)
    return NULL;
  gest_date_today (&day);
  for (guint i = 0; i < 14; i++)
    {
      g_date_add_days (&day, 1);
      if (gest_business_calendar_is_working_day (calendar, &day))
        return gest_date_to_iso (&day);
    }
  gest_date_today (&day);
  g_date_add_days (&day, 1);
  return gest_date_to_iso (&day);
}

static void
render_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  PrintData *p = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GestStore) store = gest_store_open_existing (p->db_path, &error);
  g_autoptr(GBytes) pdf = NULL;

  if (store != NULL && gest_store_set_read_only (store, TRUE, &error))
    p->day = next_working_day (store, &error);
  if (p->day != NULL)
    pdf = gest_agenda_day_sheet_pdf (store, p->day, NULL, &error);
  if (pdf == NULL ||
      !g_file_set_contents (p->path, g_bytes_get_data (pdf, NULL), (gssize) g_bytes_get_size (pdf), &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static GTask *
render_task_new (GestContext         *context,
                 const char          *path,
                 gpointer             source_tag,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  PrintData *p = g_new0 (PrintData, 1);

  p->db_path = g_strdup (gest_store_get_path (gest_context_get_store (context)));
  p->path = g_strdup (path);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, p, print_data_free);
  return task;
}

void
gest_agenda_save_next_day_async (GestContext         *context,
                                 const char          *path,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (GEST_IS_CONTEXT (context));
  g_return_if_fail (path != NULL);

  task = render_task_new (context, path, gest_agenda_save_next_day_async, cancellable, callback, user_data);
  g_task_run_in_thread (task, render_thread);
}

gboolean
gest_agenda_save_next_day_finish (GAsyncResult  *result,
                                  char         **out_day,
                                  GError       **error)
{
  PrintData *p = g_task_get_task_data (G_TASK (result));

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  if (out_day != NULL)
    *out_day = g_strdup (p->day);
  return TRUE;
}

static void
printed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (gest_document_print_finish (result, &error))
    g_task_return_boolean (task, TRUE);
  else if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, FALSE);
}

static void
rendered_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GestContext *context = g_task_get_task_data (task);
  PrintData *p = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  g_autofree char *title = NULL;
  GDate date;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  key = g_strdup_printf ("agenda-day-sheets-%s-%" G_GINT64_FORMAT, p->day, g_get_real_time ());
  if (gest_date_from_iso (p->day, &date))
    {
      g_autofree char *day = gest_date_format (&date);

      /* Translators: the print job's title; %s is a day, dd/mm/yyyy. */
      title = g_strdup_printf (_("Advisors’ Sheets for %s"), day);
    }
  gest_document_print_async (p->parent, gest_context_get_render_queue (context), p->path, key,
                             title != NULL ? title : p->day, g_task_get_cancellable (task), printed_cb,
                             g_object_ref (task));
}

void
gest_agenda_print_next_day_async (GtkWindow           *parent,
                                  GestContext         *context,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) render = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  PrintData *p;

  g_return_if_fail (GEST_IS_CONTEXT (context));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, gest_agenda_print_next_day_async);
  g_task_set_task_data (task, g_object_ref (context), g_object_unref);
  dir = g_dir_make_tmp ("gestiona-day-sheets-XXXXXX", &error);
  if (dir == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  path = g_build_filename (dir, "hojas.pdf", NULL);
  render = render_task_new (context, path, gest_agenda_print_next_day_async, cancellable, rendered_cb,
                            g_object_ref (task));
  p = g_task_get_task_data (render);
  p->parent = parent != NULL ? g_object_ref (parent) : NULL;
  g_task_run_in_thread (render, render_thread);
}

gboolean
gest_agenda_print_next_day_finish (GAsyncResult  *result,
                                   GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
button_printed_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GtkWidget) button = user_data;
  GtkLabel *label = g_object_get_data (G_OBJECT (button), "gest-error-label");
  g_autoptr(GError) error = NULL;

  gtk_widget_set_sensitive (button, TRUE);
  if (!gest_agenda_print_next_day_finish (result, &error) && error != NULL && label != NULL)
    gest_field_error_show (NULL, label, error->message);
}

static void
button_clicked_cb (GtkButton *button)
{
  GestContext *context = g_object_get_data (G_OBJECT (button), "gest-context");
  GtkLabel *label = g_object_get_data (G_OBJECT (button), "gest-error-label");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (button));

  if (label != NULL)
    gest_field_error_show (NULL, label, NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (button), FALSE);
  gest_agenda_print_next_day_async (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, context, NULL,
                                    button_printed_cb, g_object_ref (button));
}

GtkWidget *
gest_agenda_print_button_new (GestContext *context,
                              GtkLabel    *error_label)
{
  GtkWidget *button;

  g_return_val_if_fail (GEST_IS_CONTEXT (context), NULL);

  button = gtk_button_new_with_mnemonic (_("_Print Next Day’s Sheets…"));
  gtk_widget_set_tooltip_text (button, _("Each advisor’s reservations of the next working day, one page each"));
  g_object_set_data_full (G_OBJECT (button), "gest-context", g_object_ref (context), g_object_unref);
  g_object_set_data (G_OBJECT (button), "gest-error-label", error_label);
  g_signal_connect (button, "clicked", G_CALLBACK (button_clicked_cb), NULL);
  return button;
}
