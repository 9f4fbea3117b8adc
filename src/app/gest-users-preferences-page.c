/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-users-preferences-page"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-field-error.h"
#include "gest-users-preferences-page.h"
#include "gest-users.h"

struct _GestUsersPreferencesPage
{
  AdwPreferencesPage    parent_instance;

  /* Template children */
  AdwPreferencesGroup  *new_group;
  AdwEntryRow          *new_name_row;
  AdwEntryRow          *new_login_row;
  AdwEntryRow          *new_email_row;
  AdwComboRow          *new_role_row;
  AdwPasswordEntryRow  *new_password_row;
  GtkButton            *add_button;

  GtkLabel             *new_error_label;  /* borrowed: new_group holds it */
  /* One group per user, in the list's order (borrowed: the page holds them). */
  GPtrArray            *user_groups;
  GestRole              roles[GEST_N_ROLES];  /* the combo rows' items: dealer roles */
  guint                 n_roles;
  guint                 generation;  /* counts reloads: a change's rows are of one */
  GestContext          *context;
  GCancellable         *cancellable;
};

G_DEFINE_FINAL_TYPE (GestUsersPreferencesPage, gest_users_preferences_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef enum
{
  CHANGE_CREATE,
  CHANGE_UPDATE,
  CHANGE_ACTIVE,
  CHANGE_PASSWORD,
} ChangeKind;

/* A change to save on the writer thread, and where to show its outcome. */
typedef struct
{
  ChangeKind                 kind;
  char                      *uuid;     /* all but CHANGE_CREATE */
  char                      *login;    /* CHANGE_CREATE */
  char                      *name;
  char                      *email;
  GestRole                   role;
  gboolean                   active;
  char                      *password;
  GestUsersPreferencesPage  *self;     /* owned */
  guint                      generation;
  GtkWidget                 *row;      /* borrowed: the page holds it until the reload */
  GtkLabel                  *label;    /* borrowed: idem */
} Change;

static void
change_free (gpointer data)
{
  Change *change = data;

  g_free (change->uuid);
  g_free (change->login);
  g_free (change->name);
  g_free (change->email);
  g_free (change->password);
  g_clear_object (&change->self);
  g_free (change);
}

static GtkStringList *
roles_model_new (GestUsersPreferencesPage *self)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < self->n_roles; i++)
    gtk_string_list_append (list, gest_role_label (self->roles[i]));
  return list;
}

static guint
role_index (GestUsersPreferencesPage *self,
            GestRole                  role)
{
  for (guint i = 0; i < self->n_roles; i++)
    if (self->roles[i] == role)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

/* On the writer thread, as the signed-in user: the domain checks the permission again. */
static gboolean
change_write (GestStore  *store,
              gpointer    data,
              GError    **error)
{
  Change *change = data;
  g_autofree char *uuid = NULL;

  switch (change->kind)
    {
    case CHANGE_CREATE:
      uuid = gest_users_create (store, change->login, change->name, change->email, change->role,
                                change->password, error);
      return uuid != NULL;
    case CHANGE_UPDATE:
      return gest_users_update (store, change->uuid, change->name, change->email, change->role, error);
    case CHANGE_ACTIVE:
      return gest_users_set_active (store, change->uuid, change->active, error);
    case CHANGE_PASSWORD:
      return gest_users_set_password (store, change->uuid, NULL, change->password, error);
    default:
      g_assert_not_reached ();
    }
}

static void reload (GestUsersPreferencesPage *self,
                    const char               *expanded_uuid);

static void
change_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Change *change = gest_store_write_get_data (result);
  GestUsersPreferencesPage *self = change->self;
  g_autoptr(GError) error = NULL;

  /* The page went away (its window closed) while the change was saved. */
  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  if (!gest_store_write_finish (GEST_STORE (object), result, &error))
    {
      if (change->generation == self->generation)
        gest_field_error_show (change->row, change->label, error->message);
      /* A refused switch or role goes back to what is saved. */
      if (change->kind == CHANGE_ACTIVE || change->kind == CHANGE_UPDATE)
        reload (self, change->uuid);
      if (change->kind == CHANGE_ACTIVE || change->kind == CHANGE_UPDATE)
        {
          /* The reload made new rows: show the refusal under the new group. */
          for (guint i = 0; i < self->user_groups->len; i++)
            {
              GtkWidget *group = g_ptr_array_index (self->user_groups, i);

              if (g_strcmp0 (g_object_get_data (G_OBJECT (group), "gest-uuid"), change->uuid) == 0)
                gest_field_error_show (NULL, g_object_get_data (G_OBJECT (group), "gest-error-label"),
                                       error->message);
            }
        }
      return;
    }
  /* The signed-in user changed their own name: the window and the log go on with it. */
  if (change->kind == CHANGE_UPDATE)
    {
      GestUser *me = gest_context_get_signed_in_user (self->context);

      if (me != NULL && g_strcmp0 (me->uuid, change->uuid) == 0)
        {
          g_autoptr(GestUser) user = gest_user_new (me->uuid, me->login, change->name, change->role);

          gest_store_set_user (gest_context_get_store (self->context), user);
          gest_context_set_signed_in_user (self->context, user);
        }
    }
  if (change->kind == CHANGE_CREATE)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->new_name_row), "");
      gtk_editable_set_text (GTK_EDITABLE (self->new_login_row), "");
      gtk_editable_set_text (GTK_EDITABLE (self->new_email_row), "");
      gtk_editable_set_text (GTK_EDITABLE (self->new_password_row), "");
      gest_field_error_show (NULL, self->new_error_label, NULL);
    }
  reload (self, change->uuid);
}

static void
save (GestUsersPreferencesPage *self,
      Change                   *change)
{
  change->self = g_object_ref (self);
  change->generation = self->generation;
  gest_store_write_async (gest_context_get_store (self->context), change_write, change, change_free,
                          self->cancellable, change_done_cb, NULL);
}

/* What a user's group needs to save a change of one of its rows. */
static Change *
user_change_new (GtkWidget  *row,
                 ChangeKind  kind)
{
  GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);
  GestUserRow *user = g_object_get_data (G_OBJECT (group), "gest-user");
  Change *change = g_new0 (Change, 1);

  change->kind = kind;
  change->uuid = g_strdup (user->uuid);
  change->name = g_strdup (user->name);
  change->email = g_strdup (user->email);
  change->role = user->role;
  change->active = user->active;
  change->row = row;
  change->label = g_object_get_data (G_OBJECT (group), "gest-error-label");
  gest_field_error_show (row, change->label, NULL);
  return change;
}

static void
name_apply_cb (AdwEntryRow              *row,
               GestUsersPreferencesPage *self)
{
  Change *change = user_change_new (GTK_WIDGET (row), CHANGE_UPDATE);
  g_autofree char *message = NULL;

  g_free (change->name);
  change->name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  if ((message = gest_users_check_name (change->name)) != NULL)
    {
      gest_field_error_show (GTK_WIDGET (row), change->label, message);
      change_free (change);
      return;
    }
  save (self, change);
}

static void
email_apply_cb (AdwEntryRow              *row,
                GestUsersPreferencesPage *self)
{
  Change *change = user_change_new (GTK_WIDGET (row), CHANGE_UPDATE);

  g_free (change->email);
  change->email = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  save (self, change);
}

static void
role_selected_cb (AdwComboRow              *row,
                  GParamSpec               *pspec,
                  GestUsersPreferencesPage *self)
{
  guint selected = adw_combo_row_get_selected (row);
  Change *change;

  if (selected >= self->n_roles)
    return;
  change = user_change_new (GTK_WIDGET (row), CHANGE_UPDATE);
  if (change->role == self->roles[selected])
    {
      change_free (change);
      return;
    }
  change->role = self->roles[selected];
  save (self, change);
}

static gboolean
active_set_cb (GtkSwitch                *sw,
               gboolean                  state,
               GestUsersPreferencesPage *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (sw), ADW_TYPE_ACTION_ROW);
  Change *change = user_change_new (row, CHANGE_ACTIVE);

  if (change->active == state)
    {
      change_free (change);
      return FALSE;
    }
  change->active = state;
  save (self, change);
  return FALSE;
}

static void
password_apply_cb (AdwEntryRow              *row,
                   GestUsersPreferencesPage *self)
{
  GtkWidget *group = gtk_widget_get_ancestor (GTK_WIDGET (row), ADW_TYPE_PREFERENCES_GROUP);
  GestUserRow *user = g_object_get_data (G_OBJECT (group), "gest-user");
  Change *change = user_change_new (GTK_WIDGET (row), CHANGE_PASSWORD);
  g_autofree char *message = NULL;

  change->password = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
  if ((message = gest_users_check_password (user->login, change->password)) != NULL)
    {
      gest_field_error_show (GTK_WIDGET (row), change->label, message);
      change_free (change);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (row), "");
  save (self, change);
}

static void
add_clicked_cb (GtkButton                *button,
                GestUsersPreferencesPage *self)
{
  Change *change = g_new0 (Change, 1);
  g_autofree char *message = NULL;
  guint selected = adw_combo_row_get_selected (self->new_role_row);
  GtkWidget *row = NULL;

  change->kind = CHANGE_CREATE;
  change->name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->new_name_row))));
  change->login = g_strstrip (g_utf8_strdown (gtk_editable_get_text (GTK_EDITABLE (self->new_login_row)), -1));
  change->email = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->new_email_row))));
  change->password = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->new_password_row)));
  change->role = selected < self->n_roles ? self->roles[selected] : GEST_ROLE_GENERAL_MANAGER;
  change->label = self->new_error_label;

  gtk_widget_remove_css_class (GTK_WIDGET (self->new_name_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->new_login_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->new_password_row), "error");
  if ((message = gest_users_check_name (change->name)) != NULL)
    row = GTK_WIDGET (self->new_name_row);
  else if ((message = gest_users_check_login (change->login)) != NULL)
    row = GTK_WIDGET (self->new_login_row);
  else if ((message = gest_users_check_password (change->login, change->password)) != NULL)
    row = GTK_WIDGET (self->new_password_row);
  if (row != NULL)
    {
      gest_field_error_show (row, self->new_error_label, message);
      change_free (change);
      return;
    }
  change->row = GTK_WIDGET (self->new_login_row);
  gest_field_error_show (NULL, self->new_error_label, NULL);
  save (self, change);
}

static char *
user_subtitle (const GestUserRow *user)
{
  if (!user->active)
    /* Translators: a deactivated user's login and role. */
    return g_strdup_printf (_("%s · %s · Inactive"), user->login, gest_role_label (user->role));
  /* Translators: a user's login and role, e.g. "ana · Customer Service Analyst". */
  return g_strdup_printf (_("%s · %s"), user->login, gest_role_label (user->role));
}

static GtkWidget *
entry_row_new (GtkWidget  *expander,
               GType       type,
               const char *title,
               const char *text,
               GCallback   apply,
               gpointer    self)
{
  GtkWidget *row = g_object_new (type, "title", title, "show-apply-button", TRUE, NULL);

  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_connect (row, "apply", apply, self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
  return row;
}

/* A user's group: an expander row (name; login, role) with the user's rows, and the label of
 * their refusals under it. */
static GtkWidget *
user_group_new (GestUsersPreferencesPage *self,
                GestUserRow              *user)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *expander = adw_expander_row_new ();
  g_autofree char *subtitle = user_subtitle (user);
  g_autoptr(GtkStringList) roles = roles_model_new (self);
  GtkWidget *row;
  GtkWidget *sw;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), user->name);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);
  if (!user->active)
    gtk_widget_add_css_class (expander, "dim-label");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), expander);

  entry_row_new (expander, ADW_TYPE_ENTRY_ROW, _("Full Name"), user->name, G_CALLBACK (name_apply_cb), self);
  entry_row_new (expander, ADW_TYPE_ENTRY_ROW, _("E-mail Address"), user->email != NULL ? user->email : "",
                 G_CALLBACK (email_apply_cb), self);

  row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Role"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (roles));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), role_index (self, user->role));
  g_signal_connect (row, "notify::selected", G_CALLBACK (role_selected_cb), self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Active"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("An inactive user cannot sign in."));
  sw = gtk_switch_new ();
  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  gtk_switch_set_active (GTK_SWITCH (sw), user->active);
  g_signal_connect (sw, "state-set", G_CALLBACK (active_set_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);

  entry_row_new (expander, ADW_TYPE_PASSWORD_ENTRY_ROW, _("Reset Password"), "",
                 G_CALLBACK (password_apply_cb), self);

  g_object_set_data_full (G_OBJECT (group), "gest-user", user, (GDestroyNotify) gest_user_row_free);
  g_object_set_data_full (G_OBJECT (group), "gest-uuid", g_strdup (user->uuid), g_free);
  g_object_set_data (G_OBJECT (group), "gest-expander", expander);
  g_object_set_data (G_OBJECT (group), "gest-error-label",
                     gest_field_error_label_new (ADW_PREFERENCES_GROUP (group)));
  return group;
}

/* The users from the database, then the new user's form; @expanded_uuid's row stays open. */
static void
reload (GestUsersPreferencesPage *self,
        const char               *expanded_uuid)
{
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expanded = g_strdup (expanded_uuid);

  self->generation++;
  for (guint i = 0; i < self->user_groups->len; i++)
    adw_preferences_page_remove (ADW_PREFERENCES_PAGE (self), g_ptr_array_index (self->user_groups, i));
  g_ptr_array_set_size (self->user_groups, 0);

  users = gest_users_list (gest_context_get_store (self->context), &error);
  if (users == NULL)
    {
      gest_field_error_show (NULL, self->new_error_label, error->message);
      return;
    }
  g_object_ref (self->new_group);
  adw_preferences_page_remove (ADW_PREFERENCES_PAGE (self), self->new_group);
  /* The groups take the rows: the array lets go of them without freeing. */
  g_ptr_array_set_free_func (users, NULL);
  for (guint i = 0; i < users->len; i++)
    {
      GestUserRow *user = g_ptr_array_index (users, i);
      GtkWidget *group = user_group_new (self, user);

      if (g_strcmp0 (user->uuid, expanded) == 0)
        adw_expander_row_set_expanded (g_object_get_data (G_OBJECT (group), "gest-expander"), TRUE);
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), ADW_PREFERENCES_GROUP (group));
      g_ptr_array_add (self->user_groups, group);
    }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), self->new_group);
  g_object_unref (self->new_group);
}

static void
gest_users_preferences_page_constructed (GObject *object)
{
  GestUsersPreferencesPage *self = GEST_USERS_PREFERENCES_PAGE (object);
  g_autoptr(GtkStringList) roles = NULL;

  G_OBJECT_CLASS (gest_users_preferences_page_parent_class)->constructed (object);

  g_assert (GEST_IS_CONTEXT (self->context));
  roles = roles_model_new (self);
  adw_combo_row_set_model (self->new_role_row, G_LIST_MODEL (roles));
  reload (self, NULL);
}

static void
gest_users_preferences_page_get_property (GObject    *object,
                                          guint       prop_id,
                                          GValue     *value,
                                          GParamSpec *pspec)
{
  GestUsersPreferencesPage *self = GEST_USERS_PREFERENCES_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gest_users_preferences_page_set_property (GObject      *object,
                                          guint         prop_id,
                                          const GValue *value,
                                          GParamSpec   *pspec)
{
  GestUsersPreferencesPage *self = GEST_USERS_PREFERENCES_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gest_users_preferences_page_dispose (GObject *object)
{
  GestUsersPreferencesPage *self = GEST_USERS_PREFERENCES_PAGE (object);

  g_cancellable_cancel (self->cancellable);

  G_OBJECT_CLASS (gest_users_preferences_page_parent_class)->dispose (object);
}

static void
gest_users_preferences_page_finalize (GObject *object)
{
  GestUsersPreferencesPage *self = GEST_USERS_PREFERENCES_PAGE (object);

  g_clear_pointer (&self->user_groups, g_ptr_array_unref);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (gest_users_preferences_page_parent_class)->finalize (object);
}

static void
gest_users_preferences_page_class_init (GestUsersPreferencesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = gest_users_preferences_page_constructed;
  object_class->get_property = gest_users_preferences_page_get_property;
  object_class->set_property = gest_users_preferences_page_set_property;
  object_class->dispose = gest_users_preferences_page_dispose;
  object_class->finalize = gest_users_preferences_page_finalize;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, GEST_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/app/gest-users-preferences-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GestUsersPreferencesPage, new_group);
  gtk_widget_class_bind_template_child (widget_class, GestUsersPreferencesPage, new_name_row);
  gtk_widget_class_bind_template_child (widget_class, GestUsersPreferencesPage, new_login_row);
  gtk_widget_class_bind_template_child (widget_class, GestUsersPreferencesPage, new_email_row);
  gtk_widget_class_bind_template_child (widget_class, GestUsersPreferencesPage, new_role_row);
  gtk_widget_class_bind_template_child (widget_class, GestUsersPreferencesPage, new_password_row);
  gtk_widget_class_bind_template_child (widget_class, GestUsersPreferencesPage, add_button);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
}

static void
gest_users_preferences_page_init (GestUsersPreferencesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->user_groups = g_ptr_array_new ();
  self->new_error_label = gest_field_error_label_new (self->new_group);
  for (guint i = 0; i < GEST_N_ROLES; i++)
    if (gest_role_is_dealer ((GestRole) i))
      self->roles[self->n_roles++] = (GestRole) i;
}

GtkWidget *
gest_users_preferences_page_new (GestContext *context)
{
  g_return_val_if_fail (GEST_IS_CONTEXT (context), NULL);

  return g_object_new (GEST_TYPE_USERS_PREFERENCES_PAGE, "context", context, NULL);
}
