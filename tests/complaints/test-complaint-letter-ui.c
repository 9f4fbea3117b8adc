/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Q6, Q8: the letters' windows: the "in process" message recorded as given by phone from its
 * dialog; the answer letter's window previews the PDF and, before the head's approval, says
 * why it cannot go out; the template editor refuses an unknown placeholder on its row. */
#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <string.h>

#include "gest-complaint-letter.h"
#include "gest-complaint-letter-window.h"
#include "gest-complaint-workflow.h"
#include "gest-document-preview.h"
#include "gest-domain-module.h"
#include "gest-template-editor.h"
#include "gest-test-util.h"

typedef struct
{
  char        *dir;
  GestStore   *store;
  GestContext *context;
  char        *uuid;
  char        *folio;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  GestComplaintIntake intake = { 0 };
  GestUser *analyst;

  f->dir = gest_test_tmpdir_new ();
  path = g_build_filename (f->dir, "gestiona.db", NULL);
  f->store = gest_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (gest_store_exec (f->store,
                                  "INSERT INTO customers (uuid, name, city, email) VALUES "
                                  " ('cust-1', 'José Ñúñez', 'Puebla', 'jose@example.com');", &error));
  analyst = gest_test_sign_in (f->store, GEST_ROLE_CS_ANALYST);
  intake.customer_uuid = "cust-1";
  intake.complainant_name = "José Ñúñez";
  intake.summary = "Cobro doble";
  intake.responsible_uuid = analyst->uuid;
  g_assert_true (gest_complaint_create (f->store, &intake, &f->uuid, &f->folio, &error));
  g_assert_true (gest_complaint_assign (f->store, f->uuid, analyst->uuid, "OG", "", "", &error));
  g_assert_no_error (error);
  f->context = gest_context_new (f->store);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->context);
  g_assert_finalize_object (f->store);
  g_free (f->uuid);
  g_free (f->folio);
  gest_test_tmpdir_free (f->dir);
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The text of the visible labels under @root, joined by "|". */
static void
collect_labels (GtkWidget *root,
                GString   *out)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_visible (root) && gtk_label_get_text (GTK_LABEL (root))[0] != '\0')
    g_string_append_printf (out, "%s|", gtk_label_get_text (GTK_LABEL (root)));
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_labels (child, out);
}

static GtkWidget *
find_preview (GtkWidget *root)
{
  if (GEST_IS_DOCUMENT_PREVIEW (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_preview (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
last_toplevel (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* borrowed */
  guint n = g_list_model_get_n_items (toplevels);
  g_autoptr(GtkWidget) window = n > 0 ? g_list_model_get_item (toplevels, n - 1) : NULL;

  return window;
}

static void
test_in_process_by_phone (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GestComplaint) complaint = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *window;
  GtkWidget *phone;

  gest_complaint_in_process_dialog_present (NULL, f->context, f->uuid);
  window = last_toplevel ();
  g_assert_nonnull (window);
  phone = find_button (window, "Given by _Phone");
  g_assert_nonnull (phone);
  g_assert_true (gtk_widget_get_sensitive (phone));
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  g_signal_emit_by_name (phone, "clicked");
  gest_store_wait_for_writes (f->store);

  complaint = gest_complaint_load (f->store, f->uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (complaint->in_process_channel, ==, "phone");
  g_assert_cmpint (complaint->in_process_sent_at, >, 0);
  /* The dialog closed itself once recorded. */
  WAIT_UNTIL (window == NULL);
}

static void
test_answer_window_needs_approval (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GString) labels = g_string_new (NULL);
  g_autofree char *expected = NULL;
  GtkWidget *window;
  GtkWidget *preview;

  gest_complaint_letter_window_present (NULL, f->context, f->uuid);
  window = last_toplevel ();
  preview = find_preview (window);
  g_assert_nonnull (preview);
  WAIT_UNTIL (gest_document_preview_get_n_pages (GEST_DOCUMENT_PREVIEW (preview)) == 1);
  g_assert_false (gtk_widget_get_sensitive (find_button (window, "_Print")));
  g_assert_false (gtk_widget_get_sensitive (find_button (window, "Send by _Email")));
  collect_labels (window, labels);
  expected = g_strdup_printf ("The answer letter of case %s cannot go out before the head of customer service "
                              "approves the solution. Ask for the approval first.|", f->folio);
  g_assert_nonnull (strstr (labels->str, expected));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_editor_refuses_unknown (Fixture       *f,
                             gconstpointer  data)
{
  GestTemplateRecord record = { NULL, (char *) GEST_COMPLAINT_TEMPLATE_ANSWER, (char *) "Carta",
                                (char *) "", (char *) "Estimado {{customer.nombre}}", 0 };
  g_autoptr(GString) labels = g_string_new (NULL);
  GtkWidget *editor;

  gest_complaint_letter_register_kinds ();
  editor = g_object_ref_sink (gest_template_editor_new (gest_template_kind_find (GEST_COMPLAINT_TEMPLATE_ANSWER)));
  gest_template_editor_set_record (GEST_TEMPLATE_EDITOR (editor), &record);
  g_assert_false (gest_template_editor_check (GEST_TEMPLATE_EDITOR (editor)));
  collect_labels (editor, labels);
  g_assert_nonnull (strstr (labels->str, "{{customer.nombre}} is not a placeholder of the template kind "
                                         "“Answer letter”. Correct it or use one of these: {{customer.name}}, "));
  record.body = (char *) "Estimado {{customer.name}}";
  gest_template_editor_set_record (GEST_TEMPLATE_EDITOR (editor), &record);
  g_assert_true (gest_template_editor_check (GEST_TEMPLATE_EDITOR (editor)));
  g_assert_finalize_object (editor);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  gest_domain_modules_init ();
  /* Until the complaints module registers its permissions rows itself (complaints-core). */
  if (gest_permissions_find (GEST_COMPLAINT_PERMISSION_REGISTER) == NULL)
    {
      guint n;
      const GestPermission *rows = gest_complaint_permissions_get (&n);

      gest_permissions_add (rows, n);
    }
  g_test_add ("/complaints/Q6/in-process-dialog-by-phone", Fixture, NULL,
              fixture_setup, test_in_process_by_phone, fixture_teardown);
  g_test_add ("/complaints/Q8/answer-window-previews-and-needs-approval", Fixture, NULL,
              fixture_setup, test_answer_window_needs_approval, fixture_teardown);
  g_test_add ("/complaints/Q8/template-editor-refuses-unknown-placeholder", Fixture, NULL,
              fixture_setup, test_editor_refuses_unknown, fixture_teardown);
  return g_test_run ();
}
