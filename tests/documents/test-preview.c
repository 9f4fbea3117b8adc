/* SPDX-License-Identifier: GPL-3.0-or-later */
/* X4: the document widgets in a real window (Xvfb): the preview of a valid PDF (page 1, page 2,
 * zoom, fit to width), of corrupt, encrypted and empty files (the status page with the
 * message), of a scan; a preview finalized while its page is still being rendered; the
 * thumbnail; the document list (attach, drop, kind dialog, errors, activation). */
#include "config.h"

#include <locale.h>
#include <math.h>

#include <adwaita.h>

#include "gest-document-kind-dialog.h"
#include "gest-document-list.h"
#include "gest-document-preview.h"
#include "gest-document-thumbnail.h"
#include "gest-test-util.h"
#include "gest-test-widgets.h"

#define MSG_DAMAGED_PDF "This PDF is damaged and cannot be shown. Ask the sender for a new copy of the document."
#define MSG_ENCRYPTED "This PDF is password-protected; Gestiona cannot show it. Ask the sender for an unprotected copy."
#define MSG_EMPTY "This file is empty (0 bytes); there is nothing to show. Ask the sender for the document again."
#define RECORD "0b6f3c1e-6a57-4c53-9d0e-5a0a1b2c3d4e"

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;
  guint wake = g_timeout_add (10, gest_test_wake_cb, NULL);

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
}

static GtkWidget *
show_in_window (GtkWidget *child)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  gtk_window_set_child (GTK_WINDOW (window), child);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static gboolean
preview_idle (GestDocumentPreview *preview)
{
  return !gest_document_preview_get_loading (preview) &&
         (gest_document_preview_get_paintable (preview) != NULL ||
          gest_document_preview_get_error_message (preview) != NULL);
}

static void
assert_paintable_size (GestDocumentPreview *preview,
                       int                  width,
                       int                  height)
{
  GdkPaintable *paintable = gest_document_preview_get_paintable (preview);

  g_assert_nonnull (paintable);
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (paintable), ==, width);
  g_assert_cmpint (gdk_paintable_get_intrinsic_height (paintable), ==, height);
}

static gboolean
has_shortcut (GtkWidget  *widget,
              const char *trigger,
              const char *action)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *t = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          g_autofree char *a = gtk_shortcut_action_to_string (gtk_shortcut_get_action (shortcut));
          g_autofree char *expected = g_strdup_printf ("action(%s)", action);

          if (g_str_equal (t, trigger) && g_str_equal (a, expected))
            return TRUE;
        }
    }
  return FALSE;
}

/* X4: a valid PDF: page 1 fit to the width, then page 2, zoom in and out, back to fit. */
static void
test_pdf_navigate_zoom (void)
{
  g_autoptr(GestRenderQueue) queue = gest_render_queue_new ();
  g_autofree char *path = gest_test_data_path ("doc-2pages.pdf");
  GestDocumentPreview *preview = GEST_DOCUMENT_PREVIEW (gest_document_preview_new (queue));
  GtkWidget *window;
  int fit;

  g_object_ref_sink (preview);
  window = show_in_window (GTK_WIDGET (preview));
  g_assert_true (has_shortcut (GTK_WIDGET (preview), "<Control>plus", "preview.zoom-in"));
  g_assert_true (has_shortcut (GTK_WIDGET (preview), "<Control>minus", "preview.zoom-out"));
  g_assert_true (has_shortcut (GTK_WIDGET (preview), "<Control>0", "preview.zoom-fit-width"));

  gest_document_preview_set_file (preview, path, NULL);
  g_assert_true (gest_document_preview_get_loading (preview));
  WAIT_UNTIL (preview_idle (preview));
  g_assert_null (gest_document_preview_get_error_message (preview));
  g_assert_cmpuint (gest_document_preview_get_n_pages (preview), ==, 2);
  g_assert_cmpuint (gest_document_preview_get_page (preview), ==, 0);
  g_assert_true (gest_document_preview_get_fit_width (preview));
  /* Fit to width: the widget's width less the page's 12-pixel margins. */
  fit = gtk_widget_get_width (GTK_WIDGET (preview)) - 24;
  g_assert_cmpint (fit, >, 400);
  assert_paintable_size (preview, fit, (int) floor (842.0 * fit / 595.0 + 0.5));
  g_assert_nonnull (gest_test_find_widget (GTK_WIDGET (preview), gest_test_is_label, "Page 1 of 2"));

  gtk_widget_activate_action (GTK_WIDGET (preview), "preview.next-page", NULL);
  g_assert_cmpuint (gest_document_preview_get_page (preview), ==, 1);
  g_assert_true (gest_document_preview_get_loading (preview));
  WAIT_UNTIL (!gest_document_preview_get_loading (preview));
  /* Page 2 is landscape US letter: 792 × 612 points. */
  assert_paintable_size (preview, fit, (int) floor (612.0 * fit / 792.0 + 0.5));
  g_assert_nonnull (gest_test_find_widget (GTK_WIDGET (preview), gest_test_is_label, "Page 2 of 2"));
  /* There is no page 3. */
  gtk_widget_activate_action (GTK_WIDGET (preview), "preview.next-page", NULL);
  g_assert_cmpuint (gest_document_preview_get_page (preview), ==, 1);
  g_assert_false (gest_document_preview_get_loading (preview));

  /* Fit on page 2: fit / 792 points at 96 dpi, under 75 % in an 800-pixel window. */
  g_assert_cmpint (fit, <, 792);
  g_assert_cmpfloat_with_epsilon (gest_document_preview_get_zoom (preview), fit / 792.0 * 0.75, 0.002);

  /* Zoom in goes to the next level, 75 %, which is 72 dpi: one pixel a point. */
  gtk_widget_activate_action (GTK_WIDGET (preview), "preview.zoom-in", NULL);
  g_assert_false (gest_document_preview_get_fit_width (preview));
  g_assert_cmpfloat_with_epsilon (gest_document_preview_get_zoom (preview), 0.75, 0.0001);
  WAIT_UNTIL (!gest_document_preview_get_loading (preview));
  assert_paintable_size (preview, 792, 612);
  g_assert_nonnull (gest_test_find_widget (GTK_WIDGET (preview), gest_test_is_label, "75%"));

  /* 100 %: real size at 96 dpi. */
  gtk_widget_activate_action (GTK_WIDGET (preview), "preview.zoom-in", NULL);
  WAIT_UNTIL (!gest_document_preview_get_loading (preview));
  g_assert_cmpfloat_with_epsilon (gest_document_preview_get_zoom (preview), 1.0, 0.0001);
  assert_paintable_size (preview, 1056, 816);
  g_assert_nonnull (gest_test_find_widget (GTK_WIDGET (preview), gest_test_is_label, "100%"));

  gtk_widget_activate_action (GTK_WIDGET (preview), "preview.zoom-in", NULL);
  WAIT_UNTIL (!gest_document_preview_get_loading (preview));
  g_assert_cmpfloat_with_epsilon (gest_document_preview_get_zoom (preview), 1.25, 0.0001);
  assert_paintable_size (preview, 1320, 1020);

  /* Two steps out in a row: the first render is cancelled, the second shown. */
  gtk_widget_activate_action (GTK_WIDGET (preview), "preview.zoom-out", NULL);
  gtk_widget_activate_action (GTK_WIDGET (preview), "preview.zoom-out", NULL);
  WAIT_UNTIL (!gest_document_preview_get_loading (preview));
  g_assert_cmpfloat_with_epsilon (gest_document_preview_get_zoom (preview), 0.75, 0.0001);
  assert_paintable_size (preview, 792, 612);

  /* Back to page 1 keeps the zoom: 75 % of 96 dpi is 72 dpi, one pixel a point. */
  gtk_widget_activate_action (GTK_WIDGET (preview), "preview.previous-page", NULL);
  WAIT_UNTIL (!gest_document_preview_get_loading (preview));
  g_assert_cmpuint (gest_document_preview_get_page (preview), ==, 0);
  assert_paintable_size (preview, 595, 842);

  gtk_widget_activate_action (GTK_WIDGET (preview), "preview.zoom-fit-width", NULL);
  g_assert_true (gest_document_preview_get_fit_width (preview));
  WAIT_UNTIL (!gest_document_preview_get_loading (preview));
  assert_paintable_size (preview, fit, (int) floor (842.0 * fit / 595.0 + 0.5));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (preview);
}

static void
assert_shows_error (GestDocumentPreview *preview,
                    const char          *name,
                    const char          *message)
{
  g_autofree char *path = gest_test_data_path (name);

  gest_document_preview_set_file (preview, path, NULL);
  WAIT_UNTIL (preview_idle (preview));
  g_assert_cmpstr (gest_document_preview_get_error_message (preview), ==, message);
  g_assert_cmpuint (gest_document_preview_get_n_pages (preview), ==, 0);
  g_assert_null (gest_document_preview_get_paintable (preview));

  spin (50);
  {
    GtkWidget *stack = gest_test_find_widget (GTK_WIDGET (preview), gest_test_is_type, GSIZE_TO_POINTER (GTK_TYPE_STACK));
    GtkWidget *visible = gtk_stack_get_visible_child (GTK_STACK (stack));

    /* The error page, not the "no document" one, is on screen with the reason. */
    g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "error");
    g_assert_true (ADW_IS_STATUS_PAGE (visible));
    g_assert_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (visible)), ==, message);
    g_assert_true (gtk_widget_get_mapped (visible));
  }
}

/* X4: corrupt, encrypted and empty files show the status page with the reason; the same
 * preview then shows a good file again. */
static void
test_errors (void)
{
  g_autoptr(GestRenderQueue) queue = gest_render_queue_new ();
  GestDocumentPreview *preview = GEST_DOCUMENT_PREVIEW (gest_document_preview_new (queue));
  g_autofree char *scan = gest_test_data_path ("scan-2pages.tiff");
  GtkWidget *window;
  GtkWidget *note;

  g_object_ref_sink (preview);
  window = show_in_window (GTK_WIDGET (preview));

  assert_shows_error (preview, "corrupt.pdf", MSG_DAMAGED_PDF);
  assert_shows_error (preview, "encrypted.pdf", MSG_ENCRYPTED);
  assert_shows_error (preview, "empty.pdf", MSG_EMPTY);

  /* A multi-page TIFF: first page, and the note that says so. */
  gest_document_preview_set_file (preview, scan, "tiff-key");
  WAIT_UNTIL (preview_idle (preview));
  g_assert_null (gest_document_preview_get_error_message (preview));
  g_assert_cmpuint (gest_document_preview_get_n_pages (preview), ==, 1);
  note = gest_test_find_widget (GTK_WIDGET (preview), gest_test_is_label, "This TIFF file has more pages; only the first one is shown.");
  g_assert_nonnull (note);
  g_assert_true (gtk_widget_get_visible (note));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (preview);
}

typedef struct
{
  GMutex   lock;
  GCond    cond;
  gboolean open;
  guint    started;
  guint    finished;
} Gate;

static void
gate_hook (gboolean running,
           gpointer user_data)
{
  Gate *gate = user_data;

  g_mutex_lock (&gate->lock);
  if (running)
    {
      gate->started++;
      g_cond_broadcast (&gate->cond);
      while (!gate->open)
        g_cond_wait (&gate->cond, &gate->lock);
    }
  else
    {
      gate->finished++;
    }
  g_mutex_unlock (&gate->lock);
}

static guint
gate_get (Gate  *gate,
          guint *field)
{
  guint value;

  g_mutex_lock (&gate->lock);
  value = *field;
  g_mutex_unlock (&gate->lock);
  return value;
}

/* X4: closing the page while its render is in flight: the widgets finalize at once, the
 * late completion does not touch them, the waiting job is skipped, and the queue goes on. */
static void
test_finalize_in_flight (void)
{
  g_autoptr(GestRenderQueue) queue = gest_render_queue_new ();
  g_autofree char *path = gest_test_data_path ("letter-a4.pdf");
  GestDocumentPreview *preview = GEST_DOCUMENT_PREVIEW (gest_document_preview_new (queue));
  GestDocumentThumbnail *thumbnail = GEST_DOCUMENT_THUMBNAIL (gest_document_thumbnail_new (queue, 96));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *window;
  Gate gate = { 0 };

  g_mutex_init (&gate.lock);
  g_cond_init (&gate.cond);
  gest_render_queue_set_hook (queue, gate_hook, &gate);

  g_object_ref_sink (preview);
  g_object_ref_sink (thumbnail);
  gtk_widget_set_vexpand (GTK_WIDGET (preview), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (thumbnail));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (preview));
  window = show_in_window (box);

  /* The preview's page is on the worker, held there; the thumbnail's waits behind it. */
  gest_document_preview_set_file (preview, path, NULL);
  WAIT_UNTIL (gate_get (&gate, &gate.started) == 1);
  g_assert_true (gest_document_preview_get_loading (preview));
  gest_document_thumbnail_set_file (thumbnail, path, NULL, "application/pdf");
  g_assert_cmpuint (gest_render_queue_get_n_waiting (queue), ==, 1);
  spin (50);
  g_assert_false (gest_document_thumbnail_get_ready (thumbnail));
  g_assert_null (gest_document_preview_get_paintable (preview));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (preview);
  g_assert_finalize_object (thumbnail);

  g_mutex_lock (&gate.lock);
  gate.open = TRUE;
  g_cond_broadcast (&gate.cond);
  g_mutex_unlock (&gate.lock);

  /* The held job stops, the waiting one is skipped; both callbacks get G_IO_ERROR_CANCELLED
   * and must not touch the dead widgets (AddressSanitizer would tell). */
  WAIT_UNTIL (gate_get (&gate, &gate.finished) == 1 && gest_render_queue_get_n_waiting (queue) == 0);
  spin (200);
  g_assert_cmpuint (gate_get (&gate, &gate.started), ==, 1);
  /* The held job was cancelled while it opened the document: it stops before drawing (#16.7). */
  g_assert_cmpuint (gest_render_queue_get_n_rendered (queue), ==, 0);

  /* The queue still works. */
  {
    GestDocumentThumbnail *again = GEST_DOCUMENT_THUMBNAIL (gest_document_thumbnail_new (queue, 96));

    g_object_ref_sink (again);
    gest_document_thumbnail_set_file (again, path, NULL, "application/pdf");
    WAIT_UNTIL (gest_document_thumbnail_get_ready (again));
    g_assert_finalize_object (again);
  }

  gest_render_queue_set_hook (queue, NULL, NULL);
  g_mutex_clear (&gate.lock);
  g_cond_clear (&gate.cond);
}

/* ---- Document list ---- */

typedef struct
{
  GPtrArray *messages;
  char      *activated;
} ListEvents;

static void
show_message_cb (GtkWidget  *list,
                 const char *message,
                 ListEvents *events)
{
  g_ptr_array_add (events->messages, g_strdup (message));
}

static void
document_activated_cb (GtkWidget  *list,
                       const char *uuid,
                       ListEvents *events)
{
  g_free (events->activated);
  events->activated = g_strdup (uuid);
}

static GFile *
fixture_file (const char *name)
{
  g_autofree char *path = gest_test_data_path (name);

  return g_file_new_for_path (path);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static GtkDropTarget *
find_drop_target (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }
  return NULL;
}

/* The document list's own list box (its preferences group has an empty one of its own). */
static gboolean
is_list_box_with_rows (GtkWidget     *widget,
                       gconstpointer  data)
{
  return GTK_IS_LIST_BOX (widget) && gtk_list_box_get_row_at_index (GTK_LIST_BOX (widget), 0) != NULL;
}

/* X4: attach (programmatically, by the kind dialog and by a drop), refuse an empty file with
 * its message (under the list, issue 11), show rows with kind, size and date, and activate a
 * row. */
static void
test_document_list (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestRenderQueue) queue = gest_render_queue_new ();
  g_autofree char *tmpdir = gest_test_tmpdir_new ();
  g_autofree char *db_path = g_build_filename (tmpdir, "gestiona.db", NULL);
  GestStore *store = gest_store_open (db_path, &error);
  GestDocumentStore *documents;
  GestDocumentList *list;
  GListModel *model;
  GtkWidget *window;
  GtkWidget *list_box;
  GtkListBoxRow *row;
  ListEvents events = { g_ptr_array_new_with_free_func (g_free), NULL };
  g_autoptr(GFile) pdf = fixture_file ("doc-2pages.pdf");
  g_autoptr(GFile) png = fixture_file ("scan.png");
  g_autoptr(GFile) jpg = fixture_file ("scan.jpg");
  g_autoptr(GFile) empty = fixture_file ("empty.pdf");

  g_assert_no_error (error);
  documents = gest_document_store_new (store);
  list = GEST_DOCUMENT_LIST (gest_document_list_new (documents, RECORD, queue));
  g_object_ref_sink (list);
  g_signal_connect (list, "show-message", G_CALLBACK (show_message_cb), &events);
  g_signal_connect (list, "document-activated", G_CALLBACK (document_activated_cb), &events);
  window = show_in_window (GTK_WIDGET (list));
  model = gest_document_list_get_model (list);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);

  {
    GFile *files[] = { pdf, png };
    GestDocumentKind kinds[] = { GEST_DOCUMENT_KIND_INVOICE, GEST_DOCUMENT_KIND_IDENTIFICATION };

    gest_document_list_attach_files (list, files, kinds, 2);
  }
  WAIT_UNTIL (g_list_model_get_n_items (model) == 2 && events.messages->len == 1);
  g_assert_cmpstr (g_ptr_array_index (events.messages, 0), ==, "2 documents attached");

  list_box = gest_test_find_widget (GTK_WIDGET (list), is_list_box_with_rows, NULL);
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list_box), 0);
  g_assert_true (ADW_IS_ACTION_ROW (row));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "doc-2pages.pdf");
  {
    g_autofree char *today = NULL;
    g_autofree char *expected = NULL;
    g_autoptr(GDateTime) now = NULL;
    g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("America/Mexico_City");

    now = g_date_time_new_now (tz);
    today = g_date_time_format (now, "%d/%m/%Y");
    /* g_format_size() joins number and unit with a no-break space. */
    expected = g_strdup_printf ("Invoice · 9.3\u00a0kB · %s", today);
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, expected);
  }

  /* The kind dialog: one row per file, the kind guessed from the name, then Attach. */
  {
    GFile *files[] = { jpg, empty };
    AdwMessageDialog *dialog;

    gest_document_list_add_files (list, files, 2);
    dialog = find_message_dialog ();
    g_assert_true (GEST_IS_DOCUMENT_KIND_DIALOG (dialog));
    g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Attach 2 Documents");
    g_assert_cmpuint (gest_document_kind_dialog_get_n_files (GEST_DOCUMENT_KIND_DIALOG (dialog)), ==, 2);
    /* Nothing in "scan.jpg" says what it is; the user picks Identification. */
    g_assert_cmpint (gest_document_kind_dialog_get_kind (GEST_DOCUMENT_KIND_DIALOG (dialog), 0), ==,
                     GEST_DOCUMENT_KIND_OTHER);
    gest_document_kind_dialog_set_kind (GEST_DOCUMENT_KIND_DIALOG (dialog), 0, GEST_DOCUMENT_KIND_IDENTIFICATION);
    adw_message_dialog_response (dialog, "attach");
    gtk_window_destroy (GTK_WINDOW (dialog));
  }
  WAIT_UNTIL (events.messages->len == 2 && gest_document_list_get_error (list) != NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  /* The empty file is refused with its message, in full under the list; the JPEG is
   * attached. */
  g_assert_cmpstr (gest_document_list_get_error (list), ==,
                   "“empty.pdf” is empty (0 bytes), so it was not attached. "
                   "Check the file and attach it again.");
  g_assert_nonnull (gest_test_find_widget (GTK_WIDGET (list), gest_test_is_visible_label,
                                           gest_document_list_get_error (list)));
  g_assert_true (g_ptr_array_find_with_equal_func (events.messages, "1 document attached", g_str_equal, NULL));
  {
    g_autoptr(GestDocument) third = g_list_model_get_item (model, 2);

    g_assert_cmpstr (gest_document_get_filename (third), ==, "scan.jpg");
    g_assert_cmpint (gest_document_get_kind (third), ==, GEST_DOCUMENT_KIND_IDENTIFICATION);
  }

  /* Cancel attaches nothing. */
  {
    GFile *files[] = { png };
    AdwMessageDialog *dialog;

    gest_document_list_add_files (list, files, 1);
    dialog = find_message_dialog ();
    adw_message_dialog_response (dialog, "cancel");
    gtk_window_destroy (GTK_WINDOW (dialog));
    spin (200);
    g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
    g_assert_cmpuint (events.messages->len, ==, 2);
  }

  /* A drop of one file goes through the same dialog. */
  {
    GtkDropTarget *target = find_drop_target (GTK_WIDGET (list));
    GSList *files = g_slist_prepend (NULL, pdf);
    GdkFileList *file_list = gdk_file_list_new_from_list (files);
    GValue value = G_VALUE_INIT;
    AdwMessageDialog *dialog;
    gboolean accepted = FALSE;

    g_assert_nonnull (target);
    g_value_init (&value, GDK_TYPE_FILE_LIST);
    g_value_take_boxed (&value, file_list);
    g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
    g_assert_true (accepted);
    g_value_unset (&value);
    g_slist_free (files);

    dialog = find_message_dialog ();
    g_assert_nonnull (dialog);
    g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Attach 1 Document");
    adw_message_dialog_response (dialog, "attach");
    gtk_window_destroy (GTK_WINDOW (dialog));
  }
  WAIT_UNTIL (g_list_model_get_n_items (model) == 4);

  /* Activating a row names its document. */
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list_box), 1);
  gtk_widget_activate (GTK_WIDGET (row));
  {
    g_autoptr(GestDocument) second = g_list_model_get_item (model, 1);

    g_assert_cmpstr (events.activated, ==, gest_document_get_uuid (second));
    g_assert_cmpstr (gest_document_get_filename (second), ==, "scan.png");
  }

  /* A second list of the same record sees the same four documents. */
  {
    GtkWidget *other = gest_document_list_new (documents, RECORD, queue);

    g_object_ref_sink (other);
    g_assert_cmpuint (g_list_model_get_n_items (gest_document_list_get_model (GEST_DOCUMENT_LIST (other))), ==, 4);
    g_assert_finalize_object (other);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (list);
  g_assert_finalize_object (documents);
  g_assert_finalize_object (store);
  g_ptr_array_unref (events.messages);
  g_free (events.activated);
  gest_test_tmpdir_free (g_steal_pointer (&tmpdir));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C", TRUE);
  setlocale (LC_ALL, "C");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/preview/X4/pdf-navigate-zoom", test_pdf_navigate_zoom);
  g_test_add_func ("/preview/X4/errors", test_errors);
  g_test_add_func ("/preview/X4/finalize-in-flight", test_finalize_in_flight);
  g_test_add_func ("/preview/X4/document-list", test_document_list);

  return g_test_run ();
}
