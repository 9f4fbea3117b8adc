/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-complaints-preferences-page"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-complaint.h"
#include "gest-complaint-sla.h"
#include "gest-complaint-workflow.h"
#include "gest-complaints-preferences-page.h"
#include "gest-field-error.h"

static const char *const kinds[] = { "cause", "error", "area" };
#define N_KINDS G_N_ELEMENTS (kinds)
#define SLA N_KINDS

struct _GestComplaintsPreferencesPage
{
  AdwPreferencesPage   parent_instance;

  AdwPreferencesGroup *groups[N_KINDS + 1];
  GtkLabel            *error_labels[N_KINDS + 1];
  AdwEntryRow         *add_rows[N_KINDS];
  GPtrArray           *rows[N_KINDS];       /* borrowed: the entries' rows */
  GtkSpinButton       *spins[4];            /* complaint response, resolution; claim ... */
  gboolean             filling;

  GestContext         *context;
  GestStore           *store;               /* the context's */
};

G_DEFINE_FINAL_TYPE (GestComplaintsPreferencesPage, gest_complaints_preferences_page, ADW_TYPE_PREFERENCES_PAGE)

typedef enum
{
  OP_ADD,
  OP_SET,
  OP_SLA,
} Op;

typedef struct
{
  Op        op;
  guint     group;      /* the kind's index, or SLA */
  char     *kind;
  char     *uuid;
  char     *label;
  gboolean  active;
  int       hours[4];
} SaveData;

static void
save_data_free (gpointer data)
{
  SaveData *save = data;

  g_free (save->kind);
  g_free (save->uuid);
  g_free (save->label);
  g_free (save);
}

static void fill (GestComplaintsPreferencesPage *self);

static guint
kind_index (const char *kind)
{
  for (guint i = 0; i < N_KINDS; i++)
    if (g_strcmp0 (kinds[i], kind) == 0)
      return i;
  return SLA;
}

static const char *
sla_key (guint i)
{
  static const char *const keys[] = {
    "complaints.sla.complaint.response-hours", "complaints.sla.complaint.resolution-hours",
    "complaints.sla.claim.response-hours", "complaints.sla.claim.resolution-hours",
  };

  return keys[i];
}

static gboolean
save_func (GestStore  *store,
           gpointer    data,
           GError    **error)
{
  SaveData *save = data;

  switch (save->op)
    {
    case OP_ADD:
      return gest_complaint_catalog_add (store, save->kind, save->label, NULL, error);
    case OP_SET:
      return gest_complaint_catalog_set (store, save->uuid, save->label, save->active, error);
    case OP_SLA:
      if (!gest_store_check_permission (store, GEST_COMPLAINT_PERMISSION_SETTINGS, error))
        return FALSE;
      for (guint i = 0; i < 4; i++)
        {
          g_autofree char *value = g_strdup_printf ("%d", save->hours[i]);

          if (!gest_store_set_setting (store, sla_key (i), value, error))
            return FALSE;
        }
      return TRUE;
    default:
      g_assert_not_reached ();
    }
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GestComplaintsPreferencesPage) self = user_data;
  SaveData *save = gest_store_write_get_data (result);
  g_autoptr(GError) error = NULL;
  gboolean ok = gest_store_write_finish (GEST_STORE (object), result, &error);

  if (self->store == NULL)
    return;
  fill (self);
  gest_field_error_show (save->op == OP_ADD ? GTK_WIDGET (self->add_rows[save->group]) : NULL,
                         self->error_labels[save->group], ok ? NULL : error->message);
  if (ok && save->op == OP_ADD)
    gtk_editable_set_text (GTK_EDITABLE (self->add_rows[save->group]), "");
}

static void
save (GestComplaintsPreferencesPage *self,
      SaveData                      *data)
{
  gest_store_write_async (self->store, save_func, data, save_data_free, NULL, saved_cb, g_object_ref (self));
}

static void
add_apply_cb (AdwEntryRow                   *row,
              GestComplaintsPreferencesPage *self)
{
  guint i = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "gest-kind"));

  gest_complaints_preferences_page_add (self, kinds[i], gtk_editable_get_text (GTK_EDITABLE (row)));
}

static void
entry_active_cb (GtkSwitch                     *sw,
                 GParamSpec                    *pspec,
                 GestComplaintsPreferencesPage *self)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (sw), "gest-row");
  SaveData *data;

  if (self->filling)
    return;
  data = g_new0 (SaveData, 1);
  data->op = OP_SET;
  data->group = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "gest-kind"));
  data->uuid = g_strdup (g_object_get_data (G_OBJECT (row), "gest-uuid"));
  data->label = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
  data->active = gtk_switch_get_active (sw);
  save (self, data);
}

static void
entry_rename_cb (AdwEntryRow                   *row,
                 GestComplaintsPreferencesPage *self)
{
  GtkSwitch *sw = g_object_get_data (G_OBJECT (row), "gest-switch");
  SaveData *data = g_new0 (SaveData, 1);

  data->op = OP_SET;
  data->group = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "gest-kind"));
  data->uuid = g_strdup (g_object_get_data (G_OBJECT (row), "gest-uuid"));
  data->label = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  data->active = gtk_switch_get_active (sw);
  save (self, data);
}

static void
sla_apply_cb (GestComplaintsPreferencesPage *self)
{
  SaveData *data = g_new0 (SaveData, 1);

  data->op = OP_SLA;
  data->group = SLA;
  for (guint i = 0; i < 4; i++)
    data->hours[i] = gtk_spin_button_get_value_as_int (self->spins[i]);
  save (self, data);
}

static void
fill (GestComplaintsPreferencesPage *self)
{
  GestComplaintSlaTargets targets[2];

  self->filling = TRUE;
  for (guint k = 0; k < N_KINDS; k++)
    {
      g_autoptr(GPtrArray) entries = NULL;
      g_autoptr(GError) error = NULL;

      for (guint i = 0; i < self->rows[k]->len; i++)
        adw_preferences_group_remove (self->groups[k], self->rows[k]->pdata[i]);
      g_ptr_array_set_size (self->rows[k], 0);
      entries = gest_complaint_catalog_list (self->store, kinds[k], TRUE, &error);
      if (entries == NULL)
        {
          gest_field_error_show (NULL, self->error_labels[k], error->message);
          continue;
        }
      for (guint i = 0; i < entries->len; i++)
        {
          GestComplaintCatalogEntry *entry = g_ptr_array_index (entries, i);
          GtkWidget *row = adw_entry_row_new ();
          GtkWidget *sw = gtk_switch_new ();

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), entry->active ? _("Active") : _("Inactive"));
          gtk_editable_set_text (GTK_EDITABLE (row), entry->label);
          adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
          gtk_switch_set_active (GTK_SWITCH (sw), entry->active);
          gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
          gtk_widget_set_tooltip_text (sw, _("Offered when a case is closed"));
          adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), sw);
          g_object_set_data (G_OBJECT (row), "gest-kind", GUINT_TO_POINTER (k));
          g_object_set_data_full (G_OBJECT (row), "gest-uuid", g_strdup (entry->uuid), g_free);
          g_object_set_data (G_OBJECT (row), "gest-switch", sw);
          g_object_set_data (G_OBJECT (sw), "gest-row", row);
          g_signal_connect (row, "apply", G_CALLBACK (entry_rename_cb), self);
          g_signal_connect (sw, "notify::active", G_CALLBACK (entry_active_cb), self);
          adw_preferences_group_add (self->groups[k], row);
          g_ptr_array_add (self->rows[k], row);
        }
    }
  gest_complaint_sla_get_targets (self->store, GEST_COMPLAINT_KIND_COMPLAINT, &targets[0]);
  gest_complaint_sla_get_targets (self->store, GEST_COMPLAINT_KIND_CLAIM, &targets[1]);
  gtk_spin_button_set_value (self->spins[0], targets[0].response_hours);
  gtk_spin_button_set_value (self->spins[1], targets[0].resolution_hours);
  gtk_spin_button_set_value (self->spins[2], targets[1].response_hours);
  gtk_spin_button_set_value (self->spins[3], targets[1].resolution_hours);
  self->filling = FALSE;
}

static AdwPreferencesGroup *
add_group (GestComplaintsPreferencesPage *self,
           const char                    *title,
           const char                    *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), ADW_PREFERENCES_GROUP (group));
  return ADW_PREFERENCES_GROUP (group);
}

static void
build (GestComplaintsPreferencesPage *self)
{
  const char *titles[N_KINDS] = { _("Causes"), _("Errors"), _("Responsible Areas") };
  const char *descriptions[N_KINDS] = {
    _("Why customers complain; chosen when a case is closed"),
    _("What went wrong; chosen when a case is closed"),
    _("The areas responsible for the errors; chosen when a case is closed"),
  };
  const char *sla_titles[4] = {
    _("Complaint: First Response (Hours)"), _("Complaint: Resolution (Hours)"),
    _("Claim: First Response (Hours)"), _("Claim: Resolution (Hours)"),
  };
  GtkWidget *button;

  for (guint k = 0; k < N_KINDS; k++)
    {
      self->groups[k] = add_group (self, titles[k], descriptions[k]);
      self->add_rows[k] = ADW_ENTRY_ROW (adw_entry_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->add_rows[k]), _("Add to the Catalog"));
      adw_entry_row_set_show_apply_button (self->add_rows[k], TRUE);
      g_object_set_data (G_OBJECT (self->add_rows[k]), "gest-kind", GUINT_TO_POINTER (k));
      g_signal_connect (self->add_rows[k], "apply", G_CALLBACK (add_apply_cb), self);
      adw_preferences_group_add (self->groups[k], GTK_WIDGET (self->add_rows[k]));
      self->error_labels[k] = gest_field_error_label_new (self->groups[k]);
    }
  self->groups[SLA] = add_group (self, _("Service Level Targets"),
                                 _("In business hours of the dealer’s calendar; a clock is at risk when less than a fifth is left"));
  for (guint i = 0; i < 4; i++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sla_titles[i]);
      self->spins[i] = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (1, 999, 1));
      gtk_widget_set_valign (GTK_WIDGET (self->spins[i]), GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->spins[i]));
      adw_preferences_group_add (self->groups[SLA], row);
    }
  button = gtk_button_new_with_mnemonic (_("_Save Targets"));
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (sla_apply_cb), self);
  adw_preferences_group_set_header_suffix (self->groups[SLA], button);
  self->error_labels[SLA] = gest_field_error_label_new (self->groups[SLA]);
}

static void
gest_complaints_preferences_page_dispose (GObject *object)
{
  GestComplaintsPreferencesPage *self = GEST_COMPLAINTS_PREFERENCES_PAGE (object);

  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (gest_complaints_preferences_page_parent_class)->dispose (object);
}

static void
gest_complaints_preferences_page_finalize (GObject *object)
{
  GestComplaintsPreferencesPage *self = GEST_COMPLAINTS_PREFERENCES_PAGE (object);

  for (guint k = 0; k < N_KINDS; k++)
    g_ptr_array_unref (self->rows[k]);

  G_OBJECT_CLASS (gest_complaints_preferences_page_parent_class)->finalize (object);
}

static void
gest_complaints_preferences_page_class_init (GestComplaintsPreferencesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gest_complaints_preferences_page_dispose;
  object_class->finalize = gest_complaints_preferences_page_finalize;
}

static void
gest_complaints_preferences_page_init (GestComplaintsPreferencesPage *self)
{
  for (guint k = 0; k < N_KINDS; k++)
    self->rows[k] = g_ptr_array_new ();
  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (self), _("Complaints"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (self), "mail-mark-important-symbolic");
  build (self);
}

GtkWidget *
gest_complaints_preferences_page_new (GestContext *context)
{
  GestComplaintsPreferencesPage *self;

  g_return_val_if_fail (GEST_IS_CONTEXT (context), NULL);

  self = g_object_new (GEST_TYPE_COMPLAINTS_PREFERENCES_PAGE, NULL);
  self->context = g_object_ref (context);
  self->store = g_object_ref (gest_context_get_store (context));
  fill (self);
  return GTK_WIDGET (self);
}

void
gest_complaints_preferences_page_add (GestComplaintsPreferencesPage *self,
                                      const char                    *kind,
                                      const char                    *label)
{
  SaveData *data;

  g_return_if_fail (GEST_IS_COMPLAINTS_PREFERENCES_PAGE (self));
  g_return_if_fail (kind_index (kind) < N_KINDS);

  data = g_new0 (SaveData, 1);
  data->op = OP_ADD;
  data->group = kind_index (kind);
  data->kind = g_strdup (kind);
  data->label = g_strstrip (g_strdup (label != NULL ? label : ""));
  save (self, data);
}

const char *
gest_complaints_preferences_page_get_error (GestComplaintsPreferencesPage *self,
                                            const char                    *kind)
{
  guint i;

  g_return_val_if_fail (GEST_IS_COMPLAINTS_PREFERENCES_PAGE (self), NULL);

  i = kind_index (kind);
  return gtk_widget_get_visible (GTK_WIDGET (self->error_labels[i])) ? gtk_label_get_text (self->error_labels[i]) : NULL;
}

guint
gest_complaints_preferences_page_count (GestComplaintsPreferencesPage *self,
                                        const char                    *kind)
{
  g_return_val_if_fail (GEST_IS_COMPLAINTS_PREFERENCES_PAGE (self), 0);
  g_return_val_if_fail (kind_index (kind) < N_KINDS, 0);

  return self->rows[kind_index (kind)]->len;
}
