/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-contact.h"
#include "gest-money.h"
#include "gest-field-error.h"
#include "gest-preferences-window.h"
#include "gest-roles.h"
#include "gest-routing.h"
#include "gest-users.h"

/* What an entry row edits. */
typedef enum
{
  FIELD_SETTING,       /* a plain dealer setting: key */
  FIELD_EMAIL,         /* a setting that must be an e-mail address: key */
  FIELD_LOW_DEBT,      /* routing: the low-debt limit, money text */
  FIELD_AREA_NAME,     /* routing: an area's name */
  FIELD_AREA_PHONES,   /* routing: an area's phones */
} FieldKind;

typedef struct
{
  FieldKind   kind;
  const char *key;          /* FIELD_SETTING, FIELD_EMAIL */
  GestArea    area;         /* FIELD_AREA_* */
  gboolean    required;
  AdwEntryRow *row;         /* borrowed: a template child or a row of an area group */
  GtkLabel    *error_label; /* borrowed: the message under the row's group */
} Field;

struct _GestPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template children */
  AdwPreferencesGroup  *dealer_group;
  AdwEntryRow          *dealer_name_row;
  AdwEntryRow          *dealer_address_row;
  AdwEntryRow          *dealer_phones_row;
  AdwEntryRow          *dealer_reservation_phones_row;
  AdwPreferencesGroup  *conauto_group;
  AdwEntryRow          *documents_email_row;
  AdwPreferencesPage   *routing_page;
  AdwPreferencesGroup  *routing_group;
  AdwEntryRow          *low_debt_row;
  GtkSpinButton        *installments_spin;
  AdwPreferencesGroup  *routing_denied_group;
  GtkLabel             *routing_denied_label;
  AdwPreferencesGroup  *lock_group;
  GtkSpinButton        *idle_lock_spin;
  AdwPreferencesPage   *account_page;
  AdwActionRow         *account_row;
  AdwPreferencesGroup  *password_group;
  AdwPasswordEntryRow  *old_password_row;
  AdwPasswordEntryRow  *new_password_row;
  AdwPasswordEntryRow  *repeat_password_row;

  GtkLabel             *routing_error_label;
  GtkLabel             *password_error_label;
  gboolean              routing_allowed;
  GestContext          *context;
  GestStore            *store;           /* the context's */
  GPtrArray            *fields;   /* Field */
};

G_DEFINE_FINAL_TYPE (GestPreferencesWindow, gest_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The group titles of the T2 areas, by what sends a plan there. */
static const char * const area_group_titles[GEST_N_AREAS] = {
  [GEST_AREA_CUSTOMER_SERVICE] = N_("Low Debt"),
  [GEST_AREA_EARLY_COLLECTIONS] = N_("Fewer Installments Owed"),
  [GEST_AREA_EXTRAJUDICIAL] = N_("Many Installments Owed"),
};

typedef struct
{
  GestPreferencesWindow *self;
  GtkWidget             *row;    /* borrowed: the window holds it */
  GtkLabel              *label;  /* borrowed: the window holds it */
} Saving;

static void
setting_saved_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autofree Saving *saving = user_data;
  g_autoptr(GestPreferencesWindow) self = saving->self;
  g_autoptr(GError) error = NULL;

  if (!gest_store_set_setting_finish (GEST_STORE (object), result, &error))
    gest_field_error_show (saving->row, saving->label, error->message);
  else
    gest_field_error_show (saving->row, saving->label, NULL);
}

/* Saves on the store's writer thread; the outcome shows under @row's group when it ends. The
 * window lives until then. */
static void
save_setting (GestPreferencesWindow *self,
              GtkWidget             *row,
              GtkLabel              *label,
              const char            *key,
              const char            *value)
{
  Saving *saving = g_new0 (Saving, 1);

  saving->self = g_object_ref (self);
  saving->row = row;
  saving->label = label;
  gest_store_set_setting_async (self->store, key, value, NULL, setting_saved_cb, saving);
}

/* The setting @field stores and its value for @text; FALSE with @error when @text is not
 * valid. Each field is one setting, so two quick edits of different fields never undo each
 * other. */
static gboolean
field_setting (Field       *field,
               const char  *text,
               char       **out_key,
               char       **out_value,
               GError     **error)
{
  g_autofree char *value = g_strstrip (g_strdup (text));
  GestMoney low_debt;

  if (field->required && value[0] == '\0')
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   /* Translators: %s is the name of a field, e.g. "Name". */
                   _("“%s” cannot be empty. Type a value and press Enter."),
                   adw_preferences_row_get_title (ADW_PREFERENCES_ROW (field->row)));
      return FALSE;
    }

  switch (field->kind)
    {
    case FIELD_EMAIL:
      if (!gest_email_check (value, error))
        return FALSE;
      G_GNUC_FALLTHROUGH;
    case FIELD_SETTING:
      *out_key = g_strdup (field->key);
      *out_value = g_steal_pointer (&value);
      return TRUE;

    case FIELD_LOW_DEBT:
      if (!gest_money_parse (value, &low_debt, error))
        return FALSE;
      if (low_debt < 0)
        {
          g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                       _("The low-debt limit cannot be negative. Type an amount such as 500.00."));
          return FALSE;
        }
      *out_key = g_strdup ("routing.low-debt-limit");
      *out_value = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) low_debt);
      return TRUE;

    case FIELD_AREA_NAME:
    case FIELD_AREA_PHONES:
      *out_key = g_strdup_printf ("routing.area.%s.%s", gest_area_id (field->area),
                                  field->kind == FIELD_AREA_NAME ? "name" : "phones");
      *out_value = g_steal_pointer (&value);
      return TRUE;

    default:
      g_assert_not_reached ();
    }
}

static void
entry_apply_cb (AdwEntryRow           *row,
                GestPreferencesWindow *self)
{
  Field *field = g_object_get_data (G_OBJECT (row), "gest-field");
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  g_autofree char *value = NULL;

  g_assert (field != NULL);
  if (!field_setting (field, gtk_editable_get_text (GTK_EDITABLE (row)), &key, &value, &error))
    gest_field_error_show (GTK_WIDGET (row), field->error_label, error->message);
  else
    save_setting (self, GTK_WIDGET (row), field->error_label, key, value);
}

static void
installments_changed_cb (GtkSpinButton         *spin,
                         GestPreferencesWindow *self)
{
  g_autofree char *value = g_strdup_printf ("%d", MAX (gtk_spin_button_get_value_as_int (spin), 1));

  save_setting (self, GTK_WIDGET (spin), self->routing_error_label, "routing.installments-limit", value);
}

typedef struct
{
  char *uuid;
  char *old_password;
  char *new_password;
} PasswordChange;

static void
password_change_free (gpointer data)
{
  PasswordChange *change = data;

  g_free (change->uuid);
  g_free (change->old_password);
  g_free (change->new_password);
  g_free (change);
}

/* On the writer thread, as the signed-in user. */
static gboolean
change_password_write (GestStore  *store,
                       gpointer    data,
                       GError    **error)
{
  PasswordChange *change = data;

  return gest_users_set_password (store, change->uuid, change->old_password, change->new_password, error);
}

static void
password_changed_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GestPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self->password_group), TRUE);
  if (!gest_store_write_finish (GEST_STORE (object), result, &error))
    {
      GtkWidget *row = g_error_matches (error, GEST_ERROR, GEST_ERROR_INVALID) ? GTK_WIDGET (self->new_password_row)
                                                                             : GTK_WIDGET (self->old_password_row);

      gest_field_error_show (row, self->password_error_label, error->message);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->old_password_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->new_password_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->repeat_password_row), "");
  gest_field_error_show (NULL, self->password_error_label, NULL);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                    adw_toast_new (_("Your password was changed.")));
}

static void
change_password_cb (GtkWidget             *widget,
                    GestPreferencesWindow *self)
{
  GestUser *user = gest_context_get_signed_in_user (self->context);
  const char *old_password = gtk_editable_get_text (GTK_EDITABLE (self->old_password_row));
  const char *new_password = gtk_editable_get_text (GTK_EDITABLE (self->new_password_row));
  g_autofree char *message = NULL;
  PasswordChange *change;

  g_return_if_fail (user != NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->old_password_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->new_password_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->repeat_password_row), "error");
  if (old_password[0] == '\0')
    {
      gest_field_error_show (GTK_WIDGET (self->old_password_row), self->password_error_label,
                             _("Type your current password, then the new one twice."));
      return;
    }
  if ((message = gest_users_check_password (user->login, new_password)) != NULL)
    {
      gest_field_error_show (GTK_WIDGET (self->new_password_row), self->password_error_label, message);
      return;
    }
  if (g_strcmp0 (new_password, gtk_editable_get_text (GTK_EDITABLE (self->repeat_password_row))) != 0)
    {
      gest_field_error_show (GTK_WIDGET (self->repeat_password_row), self->password_error_label,
                             _("The two passwords differ. Type the same password twice."));
      return;
    }

  change = g_new0 (PasswordChange, 1);
  change->uuid = g_strdup (user->uuid);
  change->old_password = g_strdup (old_password);
  change->new_password = g_strdup (new_password);
  /* GTK 4.8: a focused row made insensitive keeps blinking without focus, and warns. */
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->password_group), FALSE);
  gest_store_write_async (self->store, change_password_write, change, password_change_free, NULL,
                          password_changed_cb, g_object_ref (self));
}

/* Shows @text, then lets the row save what the user changes. The apply button is turned on
 * after the text is set, so that the loaded value does not look like an unsaved edit. */
static void
add_field (GestPreferencesWindow *self,
           AdwEntryRow           *row,
           GtkLabel              *error_label,
           FieldKind              kind,
           const char            *key,
           GestArea               area,
           gboolean               required,
           const char            *text)
{
  Field *field = g_new0 (Field, 1);

  field->kind = kind;
  field->key = key;
  field->area = area;
  field->required = required;
  field->row = row;
  field->error_label = error_label;
  g_ptr_array_add (self->fields, field);

  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  adw_entry_row_set_show_apply_button (row, TRUE);
  g_object_set_data (G_OBJECT (row), "gest-field", field);
  g_signal_connect (row, "apply", G_CALLBACK (entry_apply_cb), self);
}

static void
add_setting_field (GestPreferencesWindow *self,
                   AdwEntryRow           *row,
                   GtkLabel              *error_label,
                   FieldKind              kind,
                   const char            *key,
                   gboolean               required)
{
  g_autofree char *value = gest_store_get_setting (self->store, key);

  add_field (self, row, error_label, kind, key, 0, required, value);
}

static void
add_area_group (GestPreferencesWindow     *self,
                const GestRoutingSettings *routing,
                GestArea                   area)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GtkWidget *name_row = adw_entry_row_new ();
  GtkWidget *phones_row = adw_entry_row_new ();
  GtkLabel *error_label;

  adw_preferences_group_set_title (group, _(area_group_titles[area]));
  gtk_widget_set_sensitive (GTK_WIDGET (group), self->routing_allowed);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (name_row), _("Area Name"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (phones_row), _("Area Phones"));
  adw_preferences_group_add (group, name_row);
  adw_preferences_group_add (group, phones_row);
  error_label = gest_field_error_label_new (group);
  adw_preferences_page_add (self->routing_page, group);

  add_field (self, ADW_ENTRY_ROW (name_row), error_label, FIELD_AREA_NAME, NULL, area, TRUE,
             routing->areas[area].name);
  add_field (self, ADW_ENTRY_ROW (phones_row), error_label, FIELD_AREA_PHONES, NULL, area, TRUE,
             routing->areas[area].phones);
}

/* The routing thresholds are for the roles the permissions table names: for anyone else the
 * page says so (the store refuses their save anyway). */
static void
load_permissions (GestPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  GestUser *user = gest_context_get_signed_in_user (self->context);
  g_autofree char *account = NULL;

  self->routing_allowed = gest_store_check_permission (self->store, GEST_PERMISSION_ROUTING_SETTINGS, &error);
  if (!self->routing_allowed)
    {
      gtk_label_set_text (self->routing_denied_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->routing_denied_group), TRUE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->routing_group), FALSE);
    }
  g_clear_error (&error);
  /* The dealer's data, Conauto's documents address and the idle lock: the store refuses
   * anyone else's save too; the groups say why they cannot be changed. */
  if (!gest_store_check_permission (self->store, GEST_PERMISSION_DEALER_SETTINGS, &error))
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->lock_group), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->dealer_group), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->conauto_group), FALSE);
      adw_preferences_group_set_description (self->dealer_group, error->message);
    }
  g_clear_error (&error);

  /* A database being set up has nobody signed in: no account to show. */
  gtk_widget_set_visible (GTK_WIDGET (self->account_page), user != NULL);
  if (user != NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->account_row), user->name);
      /* Translators: a user's login and role, e.g. "ana · Customer Service Analyst". */
      account = g_strdup_printf (_("%s · %s"), user->login, gest_role_label (user->role));
      adw_action_row_set_subtitle (self->account_row, account);
    }
}

static void
load (GestPreferencesWindow *self)
{
  g_auto(GestRoutingSettings) routing = { 0 };
  g_autofree char *low_debt = NULL;
  GtkLabel *dealer_error = gest_field_error_label_new (self->dealer_group);
  GtkLabel *conauto_error = gest_field_error_label_new (self->conauto_group);
  GSettings *settings = gest_context_get_settings (self->context);

  self->routing_error_label = gest_field_error_label_new (self->routing_group);
  self->password_error_label = gest_field_error_label_new (self->password_group);
  load_permissions (self);

  add_setting_field (self, self->dealer_name_row, dealer_error, FIELD_SETTING, "dealer.name", TRUE);
  add_setting_field (self, self->dealer_address_row, dealer_error, FIELD_SETTING, "dealer.address", FALSE);
  add_setting_field (self, self->dealer_phones_row, dealer_error, FIELD_SETTING, "dealer.phones", FALSE);
  add_setting_field (self, self->dealer_reservation_phones_row, dealer_error, FIELD_SETTING,
                     "dealer.reservation_phones", FALSE);
  add_setting_field (self, self->documents_email_row, conauto_error, FIELD_EMAIL,
                     "conauto.documents-email", TRUE);
  g_settings_bind (settings, "idle-lock-minutes", self->idle_lock_spin, "value", G_SETTINGS_BIND_DEFAULT);

  gest_store_load_routing_settings (self->store, &routing);
  low_debt = gest_money_format (routing.low_debt_limit);
  add_field (self, self->low_debt_row, self->routing_error_label, FIELD_LOW_DEBT, NULL, 0, TRUE, low_debt);
  gtk_spin_button_set_value (self->installments_spin, routing.installments_limit);
  g_signal_connect (self->installments_spin, "value-changed", G_CALLBACK (installments_changed_cb), self);
  for (guint i = 0; i < GEST_N_AREAS; i++)
    add_area_group (self, &routing, (GestArea) i);
}

static void
gest_preferences_window_constructed (GObject *object)
{
  GestPreferencesWindow *self = GEST_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (gest_preferences_window_parent_class)->constructed (object);

  g_assert (GEST_IS_STORE (self->store));
  load (self);
}

static void
gest_preferences_window_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  GestPreferencesWindow *self = GEST_PREFERENCES_WINDOW (object);

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
gest_preferences_window_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  GestPreferencesWindow *self = GEST_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      self->store = g_object_ref (gest_context_get_store (self->context));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gest_preferences_window_finalize (GObject *object)
{
  GestPreferencesWindow *self = GEST_PREFERENCES_WINDOW (object);

  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (gest_preferences_window_parent_class)->finalize (object);
}

static void
gest_preferences_window_class_init (GestPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = gest_preferences_window_constructed;
  object_class->get_property = gest_preferences_window_get_property;
  object_class->set_property = gest_preferences_window_set_property;
  object_class->finalize = gest_preferences_window_finalize;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, GEST_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/app/gest-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GestPreferencesWindow, dealer_group);
  gtk_widget_class_bind_template_child (widget_class, GestPreferencesWindow, dealer_name_row);
  gtk_widget_class_bind_template_child (widget_class, GestPreferencesWindow, dealer_address_row);
  gtk_widget_class_bind_template_child (widget_class, GestPreferencesWindow, dealer_phones_row);
  gtk_widget_class_bind_template_child (widget_class, GestPreferencesWindow, dealer_reservation_phones_row);
  gtk_widget_class_bind_template_child (widget_class, GestPreferencesWindow, conauto_group);
  gtk_widget_class_bind_template_child (widget_class, GestPreferencesWindow, documents_email_row);
  gtk_widget_class_bind_template_child (widget_class, GestPreferencesWindow, routing_page);
  gtk_widget_class_bind_template_child (widget_class, GestPreferencesWindow, routing_group);
  gtk_widget_class_bind_template_child (widget_class, GestPreferencesWindow, low_debt_row);
  gtk_widget_class_bind_template_child (widget_class, GestPreferencesWindow, installments_spin);
  gtk_widget_class_bind_template_child (widget_class, GestPreferencesWindow, routing_denied_group);
  gtk_widget_class_bind_template_child (widget_class, GestPreferencesWindow, routing_denied_label);
  gtk_widget_class_bind_template_child (widget_class, GestPreferencesWindow, lock_group);
  gtk_widget_class_bind_template_child (widget_class, GestPreferencesWindow, idle_lock_spin);
  gtk_widget_class_bind_template_child (widget_class, GestPreferencesWindow, account_page);
  gtk_widget_class_bind_template_child (widget_class, GestPreferencesWindow, account_row);
  gtk_widget_class_bind_template_child (widget_class, GestPreferencesWindow, password_group);
  gtk_widget_class_bind_template_child (widget_class, GestPreferencesWindow, old_password_row);
  gtk_widget_class_bind_template_child (widget_class, GestPreferencesWindow, new_password_row);
  gtk_widget_class_bind_template_child (widget_class, GestPreferencesWindow, repeat_password_row);
  gtk_widget_class_bind_template_callback (widget_class, change_password_cb);
}

static void
gest_preferences_window_init (GestPreferencesWindow *self)
{
  self->fields = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
}

GestPreferencesWindow *
gest_preferences_window_new (GestContext *context)
{
  g_return_val_if_fail (GEST_IS_CONTEXT (context), NULL);

  return g_object_new (GEST_TYPE_PREFERENCES_WINDOW, "context", context, NULL);
}

GestStore *
gest_preferences_window_get_store (GestPreferencesWindow *self)
{
  g_return_val_if_fail (GEST_IS_PREFERENCES_WINDOW (self), NULL);

  return self->store;
}

void
gest_preferences_window_add_page (GestPreferencesWindow *self,
                                  AdwPreferencesPage    *page)
{
  g_return_if_fail (GEST_IS_PREFERENCES_WINDOW (self));
  g_return_if_fail (ADW_IS_PREFERENCES_PAGE (page));

  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), page);
}
