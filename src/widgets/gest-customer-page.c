/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-customer-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gest-cfdi-catalog.h"
#include "gest-contact.h"
#include "gest-customer-edit.h"
#include "gest-customer-editor.h"
#include "gest-customer-merge-dialog.h"
#include "gest-customer-merge.h"
#include "gest-customer-page.h"
#include "gest-date.h"
#include "gest-domain-module.h"
#include "gest-field-error.h"
#include "gest-plan-editor.h"
#include "gest-search.h"
#include "gest-vehicle-editor.h"

#define MAX_RECORDS 50

struct _GestCustomerPage
{
  GtkWidget           parent_instance;

  GestStore          *store;
  char               *uuid;
  GestCustomerValues *values;       /* NULL when not found */
  GCancellable       *cancellable;
  char               *merging_into; /* while a merge runs */

  GtkWidget          *scrolled;
  GtkWidget          *clamp;
  GtkLabel           *error_label;  /* under the actions */
  GtkWidget          *lists[3];     /* GtkListBox of plans, vehicles, records */
  guint               counts[3];
};

G_DEFINE_FINAL_TYPE (GestCustomerPage, gest_customer_page, GTK_TYPE_WIDGET)

enum
{
  OPEN_RECORD,
  CHANGED,
  MERGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWindow *
parent_window (GestCustomerPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
launch_clicked_cb (GtkButton        *button,
                   GestCustomerPage *self)
{
  gtk_show_uri (parent_window (self), g_object_get_data (G_OBJECT (button), "uri"), GDK_CURRENT_TIME);
}

/* A contact row with a button that opens @uri (tel:, mailto:). */
static void
add_contact_row (GestCustomerPage    *self,
                 AdwPreferencesGroup *group,
                 const char          *title,
                 const char          *value,
                 const char          *uri,
                 const char          *icon_name,
                 const char          *tooltip)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  gtk_widget_add_css_class (row, "property");
  if (uri != NULL)
    {
      GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
      g_object_set_data_full (G_OBJECT (button), "uri", g_strdup (uri), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (launch_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  adw_preferences_group_add (group, row);
}

static char *
call_uri (const char *digits)
{
  return g_strdup_printf ("tel:+52%s", digits);
}

static void
add_contact (GestCustomerPage    *self,
             AdwPreferencesGroup *group)
{
  static const struct { GestCustomerField field; const char *title; } phones[] = {
    { GEST_CUSTOMER_FIELD_PHONE_MOBILE, N_("Mobile phone") },
    { GEST_CUSTOMER_FIELD_PHONE_HOME, N_("Home phone") },
    { GEST_CUSTOMER_FIELD_PHONE_WORK, N_("Work phone") },
  };
  const char *email = self->values->fields[GEST_CUSTOMER_FIELD_EMAIL];
  const GestState *state = gest_state_lookup (self->values->fields[GEST_CUSTOMER_FIELD_STATE]);
  g_autoptr(GString) address = g_string_new (NULL);
  const char *parts[] = {
    self->values->fields[GEST_CUSTOMER_FIELD_STREET], self->values->fields[GEST_CUSTOMER_FIELD_EXT_NUMBER],
    self->values->fields[GEST_CUSTOMER_FIELD_INT_NUMBER], self->values->fields[GEST_CUSTOMER_FIELD_NEIGHBORHOOD],
    self->values->fields[GEST_CUSTOMER_FIELD_POSTAL_CODE], self->values->fields[GEST_CUSTOMER_FIELD_CITY],
    state != NULL ? state->name : NULL,
  };

  for (guint i = 0; i < G_N_ELEMENTS (phones); i++)
    {
      const char *digits = self->values->fields[phones[i].field];
      g_autofree char *uri = NULL;
      g_autofree char *shown = NULL;

      if (*digits == '\0')
        continue;
      uri = call_uri (digits);
      shown = gest_phone_format (digits);
      add_contact_row (self, group, _(phones[i].title), shown, uri, "call-start-symbolic", _("Call"));
    }
  if (*email != '\0')
    {
      g_autofree char *uri = g_strdup_printf ("mailto:%s", email);

      add_contact_row (self, group, _("E-mail"), email, uri, "mail-send-symbolic", _("Write an e-mail"));
    }
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] != NULL && *parts[i] != '\0')
      g_string_append_printf (address, "%s%s", address->len > 0 ? (i == 1 || i == 2 ? " " : ", ") : "", parts[i]);
  if (address->len > 0)
    add_contact_row (self, group, _("Address"), address->str, NULL, NULL, NULL);
  /* Issue 15 (S11): the billing data an invoice needs, when known. */
  if (gest_cfdi_regime_label (self->values->fields[GEST_CUSTOMER_FIELD_FISCAL_REGIME]) != NULL)
    add_contact_row (self, group, _("Fiscal regime"),
                     gest_cfdi_regime_label (self->values->fields[GEST_CUSTOMER_FIELD_FISCAL_REGIME]), NULL, NULL, NULL);
  if (gest_cfdi_use_label (self->values->fields[GEST_CUSTOMER_FIELD_CFDI_USE]) != NULL)
    add_contact_row (self, group, _("CFDI use"),
                     gest_cfdi_use_label (self->values->fields[GEST_CUSTOMER_FIELD_CFDI_USE]), NULL, NULL, NULL);
}

/* A group with a boxed list (so the page can count and activate its rows), and a placeholder. */
static GtkWidget *
add_list_group (GestCustomerPage     *self,
                GtkBox               *box,
                GestCustomerPageList  which,
                const char           *title,
                const char           *empty)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *placeholder = gtk_label_new (empty);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_label_set_justify (GTK_LABEL (placeholder), GTK_JUSTIFY_CENTER);
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_list_box_set_placeholder (GTK_LIST_BOX (list), placeholder);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);
  gtk_box_append (box, group);
  self->lists[which] = list;
  self->counts[which] = 0;
  return group;
}

static void plan_edit_clicked_cb (GtkButton        *button,
                                  GestCustomerPage *self);

static void
add_row (GestCustomerPage     *self,
         GestCustomerPageList  which,
         const char           *title,
         const char           *subtitle,
         const char           *kind,
         const char           *uuid)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  if (which == GEST_CUSTOMER_PAGE_PLANS)
    {
      GtkWidget *edit = gtk_button_new_from_icon_name ("document-edit-symbolic");

      gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (edit, "flat");
      gtk_widget_set_tooltip_text (edit, _("Edit Plan"));
      g_object_set_data_full (G_OBJECT (edit), "uuid", g_strdup (uuid), g_free);
      g_signal_connect (edit, "clicked", G_CALLBACK (plan_edit_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_object_set_data (G_OBJECT (row), "kind", (gpointer) kind);   /* static strings */
  g_object_set_data_full (G_OBJECT (row), "uuid", g_strdup (uuid), g_free);
  gtk_list_box_append (GTK_LIST_BOX (self->lists[which]), row);
  self->counts[which]++;
}

static void
add_plans (GestCustomerPage *self)
{
  g_autoptr(sqlite3_stmt) stmt = gest_store_prepare (self->store,
    "SELECT p.uuid, p.number, p.balance, p.as_of, IFNULL(v.model, '') FROM plans p"
    " LEFT JOIN vehicles v ON v.uuid = p.vehicle_uuid"
    " WHERE p.customer_uuid = ?1 AND p.deleted = 0 ORDER BY p.number", NULL);

  if (stmt == NULL)
    return;
  sqlite3_bind_text (stmt, 1, self->uuid, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *title = g_strdup_printf (_("Plan %s"), (const char *) sqlite3_column_text (stmt, 1));
      g_autofree char *balance = gest_money_format (sqlite3_column_int64 (stmt, 2));
      g_autofree char *date = NULL;
      g_autofree char *subtitle = NULL;
      GDate as_of;

      if (gest_date_from_iso ((const char *) sqlite3_column_text (stmt, 3), &as_of))
        date = gest_date_format (&as_of);
      subtitle = g_strdup_printf (_("Balance %s as of %s · %s"), balance, date != NULL ? date : "—",
                                  *sqlite3_column_text (stmt, 4) != '\0' ? (const char *) sqlite3_column_text (stmt, 4)
                                                                         : _("no vehicle"));
      add_row (self, GEST_CUSTOMER_PAGE_PLANS, title, subtitle, GEST_HIT_PLAN,
               (const char *) sqlite3_column_text (stmt, 0));
    }
}

static void
add_vehicles (GestCustomerPage *self)
{
  g_autoptr(sqlite3_stmt) stmt = gest_store_prepare (self->store,
    "SELECT uuid, model || CASE year WHEN 0 THEN '' ELSE ' ' || year END,"
    " vin || CASE plate WHEN '' THEN '' ELSE ' · ' || plate END"
    " FROM vehicles WHERE customer_uuid = ?1 AND deleted = 0 ORDER BY model, vin", NULL);

  if (stmt == NULL)
    return;
  sqlite3_bind_text (stmt, 1, self->uuid, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    add_row (self, GEST_CUSTOMER_PAGE_VEHICLES, (const char *) sqlite3_column_text (stmt, 1),
             (const char *) sqlite3_column_text (stmt, 2), GEST_HIT_VEHICLE,
             (const char *) sqlite3_column_text (stmt, 0));
}

/* Every module's records of the customer, newest first (at most MAX_RECORDS of each link). */
static void
add_records (GestCustomerPage *self)
{
  GPtrArray *modules = gest_domain_modules_get ();

  for (guint i = 0; i < modules->len; i++)
    {
      guint n_links = 0;
      const GestCustomerLink *links = gest_domain_module_get_customer_links (modules->pdata[i], &n_links);

      for (guint j = 0; j < n_links; j++)
        {
          const GestSearchKind *kind = gest_search_kind_lookup (links[j].search_kind);
          g_autofree char *sql = g_strdup_printf ("SELECT * FROM (%s) ORDER BY 4 DESC LIMIT %d",
                                                  links[j].list_sql, MAX_RECORDS);
          g_autoptr(sqlite3_stmt) stmt = gest_store_prepare (self->store, sql, NULL);

          if (stmt == NULL || kind == NULL)
            continue;
          sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":customer"), self->uuid, -1, SQLITE_STATIC);
          while (sqlite3_step (stmt) == SQLITE_ROW)
            {
              g_autofree char *when = gest_timestamp_format (sqlite3_column_int64 (stmt, 3));
              g_autofree char *subtitle = g_strdup_printf ("%s · %s · %s", _(kind->label),
                                                           (const char *) sqlite3_column_text (stmt, 2), when);

              add_row (self, GEST_CUSTOMER_PAGE_RECORDS, (const char *) sqlite3_column_text (stmt, 1), subtitle,
                       kind->kind, (const char *) sqlite3_column_text (stmt, 0));
            }
        }
    }
}

static void
editor_saved_cb (GestCustomerPage *self)
{
  gest_customer_page_reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
plan_edit_clicked_cb (GtkButton        *button,
                      GestCustomerPage *self)
{
  g_autoptr(GestPlanValues) values = gest_plan_load (self->store, g_object_get_data (G_OBJECT (button), "uuid"), NULL);
  GestPlanEditor *editor;

  if (values == NULL)
    return;
  editor = gest_plan_editor_new (parent_window (self), self->store, values);
  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
edit_clicked_cb (GestCustomerPage *self)
{
  GestCustomerEditor *editor;

  if (self->values == NULL)
    return;
  editor = gest_customer_editor_new (parent_window (self), self->store, self->values);
  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
new_vehicle_clicked_cb (GestCustomerPage *self)
{
  g_autoptr(GestVehicleValues) values = gest_vehicle_values_new (self->uuid);
  GestVehicleEditor *editor = gest_vehicle_editor_new (parent_window (self), self->store, values);

  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
new_plan_clicked_cb (GestCustomerPage *self)
{
  g_autoptr(GestPlanValues) values = gest_plan_values_new (self->uuid);
  GestPlanEditor *editor = gest_plan_editor_new (parent_window (self), self->store, values);

  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
merge_cb (GestCustomerMergeDialog *dialog,
          const char              *into_uuid,
          const char              *reason,
          GestCustomerPage        *self)
{
  gest_customer_page_merge_into (self, into_uuid, reason);
}

static void
merge_clicked_cb (GestCustomerPage *self)
{
  GestCustomerMergeDialog *dialog;

  if (self->values == NULL)
    return;
  dialog = gest_customer_merge_dialog_new (parent_window (self), self->store, self->uuid,
                                           self->values->fields[GEST_CUSTOMER_FIELD_NAME]);
  g_signal_connect_object (dialog, "merge", G_CALLBACK (merge_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
row_activated_cb (GtkListBox       *list,
                  GtkListBoxRow    *row,
                  GestCustomerPage *self)
{
  const char *kind = g_object_get_data (G_OBJECT (row), "kind");
  const char *uuid = g_object_get_data (G_OBJECT (row), "uuid");

  if (g_strcmp0 (kind, GEST_HIT_VEHICLE) == 0)
    {
      g_autoptr(GestVehicleValues) values = gest_vehicle_load (self->store, uuid, NULL);
      GestVehicleEditor *editor;

      if (values == NULL)
        return;
      editor = gest_vehicle_editor_new (parent_window (self), self->store, values);
      g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self, G_CONNECT_SWAPPED);
      gtk_window_present (GTK_WINDOW (editor));
      return;
    }
  g_signal_emit (self, signals[OPEN_RECORD], 0, kind, uuid);
}

static GtkWidget *
action_button (GestCustomerPage *self,
               const char       *label,
               GCallback         callback)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  g_signal_connect_swapped (button, "clicked", callback, self);
  return button;
}

static GtkWidget *
build_header (GestCustomerPage *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *name = gtk_label_new (self->values->fields[GEST_CUSTOMER_FIELD_NAME]);
  GtkWidget *rfc = gtk_label_new (self->values->fields[GEST_CUSTOMER_FIELD_RFC]);
  GtkWidget *actions = gtk_grid_new ();

  gtk_widget_add_css_class (name, "title-1");
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_justify (GTK_LABEL (name), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (rfc, "dim-label");
  /* Two by two: the four fit a 360 px window. */
  gtk_grid_set_column_spacing (GTK_GRID (actions), 6);
  gtk_grid_set_row_spacing (GTK_GRID (actions), 6);
  gtk_widget_set_halign (actions, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (actions, 12);
  gtk_grid_attach (GTK_GRID (actions), action_button (self, _("_Edit"), G_CALLBACK (edit_clicked_cb)), 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (actions), action_button (self, _("New _Vehicle"), G_CALLBACK (new_vehicle_clicked_cb)),
                   1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (actions), action_button (self, _("New _Plan"), G_CALLBACK (new_plan_clicked_cb)),
                   0, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (actions), action_button (self, _("_Merge With…"), G_CALLBACK (merge_clicked_cb)),
                   1, 1, 1, 1);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), rfc);
  gtk_box_append (GTK_BOX (box), actions);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), box);
  self->error_label = gest_field_error_label_new (ADW_PREFERENCES_GROUP (group));
  return group;
}

static void
merged_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GestCustomerPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *into_uuid = g_steal_pointer (&self->merging_into);

  if (!gest_customers_merge_finish (GEST_STORE (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && self->error_label != NULL)
        gest_field_error_show (NULL, self->error_label, error->message);
      return;
    }
  g_signal_emit (self, signals[MERGED], 0, into_uuid);
}

static void
gest_customer_page_dispose (GObject *object)
{
  GestCustomerPage *self = GEST_CUSTOMER_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_pointer (&self->scrolled, gtk_widget_unparent);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->merging_into, g_free);
  g_clear_pointer (&self->values, gest_customer_values_free);

  G_OBJECT_CLASS (gest_customer_page_parent_class)->dispose (object);
}

static void
gest_customer_page_class_init (GestCustomerPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gest_customer_page_dispose;

  signals[OPEN_RECORD] = g_signal_new ("open-record", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                       NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[MERGED] = g_signal_new ("merged", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gest_customer_page_init (GestCustomerPage *self)
{
  self->cancellable = g_cancellable_new ();
  self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  self->clamp = adw_clamp_new ();
  gtk_widget_set_margin_top (self->clamp, 24);
  gtk_widget_set_margin_bottom (self->clamp, 24);
  gtk_widget_set_margin_start (self->clamp, 12);
  gtk_widget_set_margin_end (self->clamp, 12);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), self->clamp);
  gtk_widget_set_parent (self->scrolled, GTK_WIDGET (self));
}

GtkWidget *
gest_customer_page_new (GestStore *store)
{
  GestCustomerPage *self;

  g_return_val_if_fail (GEST_IS_STORE (store), NULL);

  self = g_object_new (GEST_TYPE_CUSTOMER_PAGE, NULL);
  self->store = g_object_ref (store);
  return GTK_WIDGET (self);
}

void
gest_customer_page_set_customer (GestCustomerPage *self,
                                 const char       *uuid)
{
  char *copy;

  g_return_if_fail (GEST_IS_CUSTOMER_PAGE (self));

  /* @uuid may be the page's own (gest_customer_page_get_customer ()). */
  copy = g_strdup (uuid);
  g_free (self->uuid);
  self->uuid = copy;
  gest_customer_page_reload (self);
}

const char *
gest_customer_page_get_customer (GestCustomerPage *self)
{
  g_return_val_if_fail (GEST_IS_CUSTOMER_PAGE (self), NULL);

  return self->uuid;
}

void
gest_customer_page_reload (GestCustomerPage *self)
{
  GtkWidget *box;
  GtkWidget *contact;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (GEST_IS_CUSTOMER_PAGE (self));

  g_clear_pointer (&self->values, gest_customer_values_free);
  memset (self->lists, 0, sizeof self->lists);
  memset (self->counts, 0, sizeof self->counts);
  self->error_label = NULL;
  if (self->uuid != NULL)
    self->values = gest_customer_load (self->store, self->uuid, &error);
  if (self->values == NULL)
    {
      GtkWidget *status = adw_status_page_new ();

      adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "avatar-default-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (status), self->uuid == NULL ? _("No Customer Selected")
                                                                               : _("Customer Not Found"));
      if (error != NULL)
        adw_status_page_set_description (ADW_STATUS_PAGE (status), error->message);
      adw_clamp_set_child (ADW_CLAMP (self->clamp), status);
      return;
    }

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_box_append (GTK_BOX (box), build_header (self));
  contact = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (contact), _("Contact"));
  add_contact (self, ADW_PREFERENCES_GROUP (contact));
  gtk_box_append (GTK_BOX (box), contact);
  add_list_group (self, GTK_BOX (box), GEST_CUSTOMER_PAGE_PLANS, _("Plans"),
                  _("No plan yet. “New Plan” registers one from Conauto’s statement."));
  add_list_group (self, GTK_BOX (box), GEST_CUSTOMER_PAGE_VEHICLES, _("Vehicles"),
                  _("No vehicle yet. “New Vehicle” registers one from its invoice."));
  add_list_group (self, GTK_BOX (box), GEST_CUSTOMER_PAGE_RECORDS, _("Records"),
                  _("No record of any section names this customer yet."));
  for (guint i = 0; i < G_N_ELEMENTS (self->lists); i++)
    g_signal_connect (self->lists[i], "row-activated", G_CALLBACK (row_activated_cb), self);
  add_plans (self);
  add_vehicles (self);
  add_records (self);
  adw_clamp_set_child (ADW_CLAMP (self->clamp), box);
}

guint
gest_customer_page_count (GestCustomerPage     *self,
                          GestCustomerPageList  list)
{
  g_return_val_if_fail (GEST_IS_CUSTOMER_PAGE (self), 0);

  return self->counts[list];
}

void
gest_customer_page_activate (GestCustomerPage     *self,
                             GestCustomerPageList  list,
                             guint                 position)
{
  GtkListBoxRow *row;

  g_return_if_fail (GEST_IS_CUSTOMER_PAGE (self));
  g_return_if_fail (self->lists[list] != NULL);

  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->lists[list]), (int) position);
  g_return_if_fail (row != NULL);
  g_signal_emit_by_name (self->lists[list], "row-activated", row);
}

char *
gest_customer_page_dup_call_uri (GestCustomerPage *self)
{
  g_return_val_if_fail (GEST_IS_CUSTOMER_PAGE (self), NULL);

  if (self->values == NULL)
    return NULL;
  for (guint f = GEST_CUSTOMER_FIELD_PHONE_MOBILE; f <= GEST_CUSTOMER_FIELD_PHONE_WORK; f++)
    if (*self->values->fields[f] != '\0')
      return call_uri (self->values->fields[f]);
  return NULL;
}

void
gest_customer_page_merge_into (GestCustomerPage *self,
                               const char       *into_uuid,
                               const char       *reason)
{
  g_return_if_fail (GEST_IS_CUSTOMER_PAGE (self));
  g_return_if_fail (into_uuid != NULL);

  if (self->uuid == NULL || self->merging_into != NULL)
    return;
  self->merging_into = g_strdup (into_uuid);
  gest_customers_merge_async (self->store, self->uuid, into_uuid, reason, self->cancellable, merged_cb,
                              g_object_ref (self));
}

const char *
gest_customer_page_get_error (GestCustomerPage *self)
{
  g_return_val_if_fail (GEST_IS_CUSTOMER_PAGE (self), NULL);

  if (self->error_label == NULL || !gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;
  return gtk_label_get_text (self->error_label);
}
