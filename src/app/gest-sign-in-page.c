/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-sign-in-page"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-demo.h"
#include "gest-field-error.h"
#include "gest-sign-in-page.h"
#include "gest-users.h"

struct _GestSignInPage
{
  AdwBin                parent_instance;

  /* Template children */
  GtkLabel             *locked_label;
  AdwPreferencesGroup  *group;
  AdwEntryRow          *login_row;
  AdwPasswordEntryRow  *password_row;
  GtkButton            *sign_in_button;
  GtkSpinner           *spinner;
  AdwPreferencesGroup  *demo_group;

  GtkLabel             *error_label;   /* borrowed: the group holds it */
  GPtrArray            *demo_rows;     /* GtkWidget, borrowed: the demo group holds them */
  GestStore            *store;
  GCancellable         *cancellable;
};

G_DEFINE_FINAL_TYPE (GestSignInPage, gest_sign_in_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

enum {
  SIGNED_IN,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

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
set_busy (GestSignInPage *self,
          gboolean        busy)
{
  if (busy)
    drop_focus (GTK_WIDGET (self));
  gtk_widget_set_sensitive (GTK_WIDGET (self->login_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->password_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sign_in_button), !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
}

static void
demo_row_activated_cb (AdwActionRow   *row,
                       GestSignInPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->login_row), g_object_get_data (G_OBJECT (row), "gest-login"));
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), GEST_DEMO_PASSWORD);
  gtk_widget_grab_focus (GTK_WIDGET (self->sign_in_button));
}

static int
compare_roles (gconstpointer a,
               gconstpointer b)
{
  const GestUserRow *ua = *(GestUserRow * const *) a;
  const GestUserRow *ub = *(GestUserRow * const *) b;

  return (int) ua->role - (int) ub->role;
}

/* On a demonstration database, its users (one a role, in the roles' order) and their
 * password; a click on one fills the rows. */
static void
load_demo_users (GestSignInPage *self)
{
  g_autofree char *demo = gest_store_get_setting (self->store, "demo.loaded");
  g_autoptr(GPtrArray) users = NULL;
  g_autofree char *description = NULL;

  for (guint i = 0; i < self->demo_rows->len; i++)
    adw_preferences_group_remove (self->demo_group, g_ptr_array_index (self->demo_rows, i));
  g_ptr_array_set_size (self->demo_rows, 0);
  if (g_strcmp0 (demo, "1") == 0)
    users = gest_users_list (self->store, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->demo_group), users != NULL && users->len > 0);
  if (users == NULL)
    return;
  g_ptr_array_sort (users, compare_roles);

  /* Translators: %s is the password of every demonstration user. */
  description = g_strdup_printf (_("Every demonstration user’s password is “%s”. Choose one to sign in as them."),
                                 GEST_DEMO_PASSWORD);
  adw_preferences_group_set_description (self->demo_group, description);
  for (guint i = 0; i < users->len; i++)
    {
      GestUserRow *user = g_ptr_array_index (users, i);
      GtkWidget *row;
      g_autofree char *subtitle = NULL;

      if (!user->active)
        continue;
      /* Translators: a user's login and role, e.g. "ana · Customer Service Analyst". */
      subtitle = g_strdup_printf (_("%s · %s"), user->login, gest_role_label (user->role));
      row = g_object_new (ADW_TYPE_ACTION_ROW,
                          "title", user->name,
                          "subtitle", subtitle,
                          "activatable", TRUE,
                          NULL);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data_full (G_OBJECT (row), "gest-login", g_strdup (user->login), g_free);
      g_signal_connect (row, "activated", G_CALLBACK (demo_row_activated_cb), self);
      adw_preferences_group_add (self->demo_group, row);
      g_ptr_array_add (self->demo_rows, row);
    }
}

static void
sign_in_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GestSignInPage *self = user_data;
  g_autoptr(GestUser) user = NULL;
  g_autoptr(GError) error = NULL;

  user = gest_users_sign_in_finish (GEST_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  if (user == NULL)
    {
      gest_field_error_show (GTK_WIDGET (self->password_row), self->error_label, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  gest_field_error_show (GTK_WIDGET (self->password_row), self->error_label, NULL);
  g_signal_emit (self, signals[SIGNED_IN], 0, user);
}

static void
sign_in (GestSignInPage *self)
{
  g_autofree char *login = g_utf8_strdown (gtk_editable_get_text (GTK_EDITABLE (self->login_row)), -1);
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));

  if (gest_sign_in_page_get_busy (self))
    return;
  g_strstrip (login);
  gtk_widget_remove_css_class (GTK_WIDGET (self->password_row), "error");
  if (login[0] == '\0')
    {
      gest_field_error_show (GTK_WIDGET (self->login_row), self->error_label,
                             _("Type your login, the short name you sign in with."));
      gtk_widget_grab_focus (GTK_WIDGET (self->login_row));
      return;
    }
  gest_field_error_show (GTK_WIDGET (self->login_row), self->error_label, NULL);
  if (password[0] == '\0')
    {
      gest_field_error_show (GTK_WIDGET (self->password_row), self->error_label, _("Type your password."));
      gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
      return;
    }
  set_busy (self, TRUE);
  gest_users_sign_in_async (self->store, login, password, self->cancellable, sign_in_done_cb, self);
}

static void
sign_in_clicked_cb (GtkButton      *button,
                    GestSignInPage *self)
{
  sign_in (self);
}

static void
row_activated_cb (AdwEntryRow    *row,
                  GestSignInPage *self)
{
  if (row == ADW_ENTRY_ROW (self->login_row))
    gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
  else
    sign_in (self);
}

static void
gest_sign_in_page_constructed (GObject *object)
{
  GestSignInPage *self = GEST_SIGN_IN_PAGE (object);

  G_OBJECT_CLASS (gest_sign_in_page_parent_class)->constructed (object);

  g_assert (GEST_IS_STORE (self->store));
  load_demo_users (self);
}

static void
gest_sign_in_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  GestSignInPage *self = GEST_SIGN_IN_PAGE (object);

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
gest_sign_in_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  GestSignInPage *self = GEST_SIGN_IN_PAGE (object);

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
gest_sign_in_page_dispose (GObject *object)
{
  GestSignInPage *self = GEST_SIGN_IN_PAGE (object);

  g_cancellable_cancel (self->cancellable);

  G_OBJECT_CLASS (gest_sign_in_page_parent_class)->dispose (object);
}

static void
gest_sign_in_page_finalize (GObject *object)
{
  GestSignInPage *self = GEST_SIGN_IN_PAGE (object);

  g_clear_pointer (&self->demo_rows, g_ptr_array_unref);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (gest_sign_in_page_parent_class)->finalize (object);
}

static void
gest_sign_in_page_class_init (GestSignInPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = gest_sign_in_page_constructed;
  object_class->get_property = gest_sign_in_page_get_property;
  object_class->set_property = gest_sign_in_page_set_property;
  object_class->dispose = gest_sign_in_page_dispose;
  object_class->finalize = gest_sign_in_page_finalize;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, GEST_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNED_IN] =
    g_signal_new ("signed-in", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, GEST_TYPE_USER);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/app/gest-sign-in-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GestSignInPage, locked_label);
  gtk_widget_class_bind_template_child (widget_class, GestSignInPage, group);
  gtk_widget_class_bind_template_child (widget_class, GestSignInPage, login_row);
  gtk_widget_class_bind_template_child (widget_class, GestSignInPage, password_row);
  gtk_widget_class_bind_template_child (widget_class, GestSignInPage, sign_in_button);
  gtk_widget_class_bind_template_child (widget_class, GestSignInPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, GestSignInPage, demo_group);
  gtk_widget_class_bind_template_callback (widget_class, sign_in_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
gest_sign_in_page_init (GestSignInPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->demo_rows = g_ptr_array_new ();
  self->error_label = gest_field_error_label_new (self->group);
}

GtkWidget *
gest_sign_in_page_new (GestStore *store)
{
  g_return_val_if_fail (GEST_IS_STORE (store), NULL);

  return g_object_new (GEST_TYPE_SIGN_IN_PAGE, "store", store, NULL);
}

void
gest_sign_in_page_reset (GestSignInPage *self,
                         const char     *login,
                         gboolean        locked)
{
  g_return_if_fail (GEST_IS_SIGN_IN_PAGE (self));

  /* A sign-in still running belongs to the one who left. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  set_busy (self, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->login_row), login != NULL ? login : "");
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  gtk_widget_remove_css_class (GTK_WIDGET (self->login_row), "error");
  gest_field_error_show (GTK_WIDGET (self->password_row), self->error_label, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->locked_label), locked);
  load_demo_users (self);
}

void
gest_sign_in_page_focus (GestSignInPage *self)
{
  g_return_if_fail (GEST_IS_SIGN_IN_PAGE (self));

  if (gtk_editable_get_text (GTK_EDITABLE (self->login_row))[0] == '\0')
    gtk_widget_grab_focus (GTK_WIDGET (self->login_row));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
}

gboolean
gest_sign_in_page_get_busy (GestSignInPage *self)
{
  g_return_val_if_fail (GEST_IS_SIGN_IN_PAGE (self), FALSE);

  return gtk_spinner_get_spinning (self->spinner);
}
