/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-first-manager-page"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-field-error.h"
#include "gest-first-manager-page.h"
#include "gest-users.h"

struct _GestFirstManagerPage
{
  AdwBin                parent_instance;

  /* Template children */
  AdwPreferencesGroup  *group;
  AdwEntryRow          *name_row;
  AdwEntryRow          *login_row;
  AdwPasswordEntryRow  *password_row;
  AdwPasswordEntryRow  *repeat_row;
  GtkButton            *create_button;
  GtkSpinner           *spinner;

  GtkLabel             *error_label;   /* borrowed: the group holds it */
  GestStore            *store;
  GCancellable         *cancellable;
};

G_DEFINE_FINAL_TYPE (GestFirstManagerPage, gest_first_manager_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

enum {
  CREATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef struct
{
  char *path;
  char *login;
  char *name;
  char *password;
} Creation;

static void
creation_free (gpointer data)
{
  Creation *creation = data;

  g_free (creation->path);
  g_free (creation->login);
  g_free (creation->name);
  g_free (creation->password);
  g_free (creation);
}

static GtkWidget *
nth_row (GestFirstManagerPage *self,
         int                   index)
{
  GtkWidget *rows[] = {
    GTK_WIDGET (self->name_row), GTK_WIDGET (self->login_row),
    GTK_WIDGET (self->password_row), GTK_WIDGET (self->repeat_row),
  };

  g_assert (index >= 0 && index < (int) G_N_ELEMENTS (rows));
  return rows[index];
}

static void
clear_errors (GestFirstManagerPage *self)
{
  for (int i = 0; i < 4; i++)
    gtk_widget_remove_css_class (nth_row (self, i), "error");
  gest_field_error_show (NULL, self->error_label, NULL);
}

/* A focused row made insensitive keeps its cursor blinking without focus (GTK 4.8 warns):
 * the focus leaves first. */
static void
drop_focus (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (root != NULL)
    gtk_root_set_focus (root, NULL);
}

static void
set_busy (GestFirstManagerPage *self,
          gboolean              busy)
{
  if (busy)
    drop_focus (GTK_WIDGET (self));
  for (int i = 0; i < 4; i++)
    gtk_widget_set_sensitive (nth_row (self, i), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->create_button), !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
}

/* The window's connection only reads; the general manager is written with a connection of
 * this thread, which also marks the first run done. */
static void
create_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Creation *creation = task_data;
  g_autoptr(GestStore) store = NULL;
  g_autoptr(GestUser) user = NULL;
  g_autoptr(GError) error = NULL;

  store = gest_store_open (creation->path, &error);
  if (store != NULL)
    user = gest_users_create_first (store, creation->login, creation->name, creation->password, &error);
  if (user != NULL && !gest_store_set_setting (store, "app.first-run-done", "1", &error))
    g_clear_pointer (&user, gest_user_unref);
  if (user == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_steal_pointer (&user), (GDestroyNotify) gest_user_unref);
}

static void
created_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  GestFirstManagerPage *self = GEST_FIRST_MANAGER_PAGE (object);
  g_autoptr(GestUser) user = NULL;
  g_autoptr(GError) error = NULL;

  user = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  if (user == NULL)
    {
      gest_field_error_show (NULL, self->error_label, error->message);
      return;
    }
  gest_store_set_user (self->store, user);
  g_signal_emit (self, signals[CREATED], 0, user);
}

static void
create_clicked_cb (GtkButton            *button,
                   GestFirstManagerPage *self)
{
  g_autofree char *login = g_utf8_strdown (gtk_editable_get_text (GTK_EDITABLE (self->login_row)), -1);
  g_autofree char *name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  const char *repeated = gtk_editable_get_text (GTK_EDITABLE (self->repeat_row));
  g_autofree char *message = NULL;
  g_autoptr(GTask) task = NULL;
  Creation *creation;
  int index;

  if (gest_first_manager_page_get_busy (self))
    return;
  g_strstrip (login);
  g_strstrip (name);
  clear_errors (self);
  index = gest_first_manager_check (name, login, password, repeated, &message);
  if (index >= 0)
    {
      gest_field_error_show (nth_row (self, index), self->error_label, message);
      gtk_widget_grab_focus (nth_row (self, index));
      return;
    }

  creation = g_new0 (Creation, 1);
  creation->path = g_strdup (gest_store_get_path (self->store));
  creation->login = g_steal_pointer (&login);
  creation->name = g_steal_pointer (&name);
  creation->password = g_strdup (password);
  set_busy (self, TRUE);
  task = g_task_new (self, self->cancellable, created_cb, NULL);
  g_task_set_source_tag (task, create_clicked_cb);
  g_task_set_task_data (task, creation, creation_free);
  g_task_run_in_thread (task, create_thread);
}

static void
row_activated_cb (AdwEntryRow          *row,
                  GestFirstManagerPage *self)
{
  /* Enter goes to the next row, and in the last one sends the form. */
  for (int i = 0; i < 3; i++)
    if (GTK_WIDGET (row) == nth_row (self, i))
      {
        gtk_widget_grab_focus (nth_row (self, i + 1));
        return;
      }
  create_clicked_cb (self->create_button, self);
}

static void
gest_first_manager_page_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  GestFirstManagerPage *self = GEST_FIRST_MANAGER_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gest_first_manager_page_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  GestFirstManagerPage *self = GEST_FIRST_MANAGER_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gest_first_manager_page_dispose (GObject *object)
{
  GestFirstManagerPage *self = GEST_FIRST_MANAGER_PAGE (object);

  g_cancellable_cancel (self->cancellable);

  G_OBJECT_CLASS (gest_first_manager_page_parent_class)->dispose (object);
}

static void
gest_first_manager_page_finalize (GObject *object)
{
  GestFirstManagerPage *self = GEST_FIRST_MANAGER_PAGE (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (gest_first_manager_page_parent_class)->finalize (object);
}

static void
gest_first_manager_page_class_init (GestFirstManagerPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = gest_first_manager_page_get_property;
  object_class->set_property = gest_first_manager_page_set_property;
  object_class->dispose = gest_first_manager_page_dispose;
  object_class->finalize = gest_first_manager_page_finalize;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, GEST_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CREATED] =
    g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, GEST_TYPE_USER);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/app/gest-first-manager-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GestFirstManagerPage, group);
  gtk_widget_class_bind_template_child (widget_class, GestFirstManagerPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, GestFirstManagerPage, login_row);
  gtk_widget_class_bind_template_child (widget_class, GestFirstManagerPage, password_row);
  gtk_widget_class_bind_template_child (widget_class, GestFirstManagerPage, repeat_row);
  gtk_widget_class_bind_template_child (widget_class, GestFirstManagerPage, create_button);
  gtk_widget_class_bind_template_child (widget_class, GestFirstManagerPage, spinner);
  gtk_widget_class_bind_template_callback (widget_class, create_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
gest_first_manager_page_init (GestFirstManagerPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->error_label = gest_field_error_label_new (self->group);
}

GtkWidget *
gest_first_manager_page_new (GestStore *store)
{
  g_return_val_if_fail (GEST_IS_STORE (store), NULL);

  return g_object_new (GEST_TYPE_FIRST_MANAGER_PAGE, "store", store, NULL);
}

gboolean
gest_first_manager_page_get_busy (GestFirstManagerPage *self)
{
  g_return_val_if_fail (GEST_IS_FIRST_MANAGER_PAGE (self), FALSE);

  return gtk_spinner_get_spinning (self->spinner);
}

void
gest_first_manager_page_focus (GestFirstManagerPage *self)
{
  g_return_if_fail (GEST_IS_FIRST_MANAGER_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

int
gest_first_manager_check (const char  *name,
                          const char  *login,
                          const char  *password,
                          const char  *repeated,
                          char       **message)
{
  g_return_val_if_fail (message != NULL && *message == NULL, -1);

  if ((*message = gest_users_check_name (name)) != NULL)
    return 0;
  if ((*message = gest_users_check_login (login)) != NULL)
    return 1;
  if ((*message = gest_users_check_password (login, password)) != NULL)
    return 2;
  if (g_strcmp0 (password, repeated) != 0)
    {
      *message = g_strdup (_("The two passwords differ. Type the same password twice."));
      return 3;
    }
  return -1;
}
