/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-customers-section-page"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-customer-editor.h"
#include "gest-customer-item.h"
#include "gest-customer-list.h"
#include "gest-customer-page.h"
#include "gest-customers-section-page.h"
#include "gest-window.h"

struct _GestCustomersSectionPage
{
  GtkWidget         parent_instance;

  GestStore        *store;
  GestCustomerList *list;
  GtkSelectionModel *selection;

  AdwLeaflet       *leaflet;
  GtkWidget        *search;
  GtkWidget        *stack;
  GtkWidget        *list_view;
  GtkWidget        *customer_page;
  char             *title;        /* the customer shown, or NULL */
};

G_DEFINE_FINAL_TYPE (GestCustomersSectionPage, gest_customers_section_page, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_TITLE,
  PROP_CAN_GO_BACK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_state (GestCustomersSectionPage *self)
{
  const char *state = "list";

  if (g_list_model_get_n_items (G_LIST_MODEL (self->list)) == 0)
    state = *gest_customer_list_get_filter (self->list) == '\0' ? "empty" : "no-match";
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), state);
}

static void
set_title (GestCustomersSectionPage *self,
           const char               *title)
{
  if (g_strcmp0 (self->title, title) == 0)
    return;
  g_free (self->title);
  self->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/* A new filter detaches the list from the view first: GTK 4.8 takes seconds over an
 * items-changed that adds 100,000 rows to a view, and milliseconds over a new model. */
static void
refilter (GestCustomersSectionPage *self,
          const char               *text)
{
  gtk_list_view_set_model (GTK_LIST_VIEW (self->list_view), NULL);
  gest_customer_list_set_filter (self->list, text);
  gtk_list_view_set_model (GTK_LIST_VIEW (self->list_view), self->selection);
  update_state (self);
}

static void
reload (GestCustomersSectionPage *self)
{
  gtk_list_view_set_model (GTK_LIST_VIEW (self->list_view), NULL);
  gest_customer_list_reload (self->list);
  gtk_list_view_set_model (GTK_LIST_VIEW (self->list_view), self->selection);
  update_state (self);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *summary = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (name, "heading");
  gtk_label_set_xalign (GTK_LABEL (summary), 0);
  gtk_label_set_ellipsize (GTK_LABEL (summary), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (summary, "dim-label");
  gtk_widget_add_css_class (summary, "caption");
  gtk_widget_set_margin_top (box, 9);
  gtk_widget_set_margin_bottom (box, 9);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), summary);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         gpointer                  user_data)
{
  GestCustomerItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *summary = gtk_widget_get_next_sibling (name);

  gtk_label_set_text (GTK_LABEL (name), item != NULL ? gest_customer_item_get_name (item) : "");
  gtk_label_set_text (GTK_LABEL (summary), item != NULL ? gest_customer_item_get_summary (item) : "");
}

static void
activate_cb (GtkListView              *list_view,
             guint                     position,
             GestCustomersSectionPage *self)
{
  g_autoptr(GestCustomerItem) item = g_list_model_get_item (G_LIST_MODEL (self->list), position);

  if (item != NULL)
    gest_customers_section_page_show_customer (self, gest_customer_item_get_uuid (item));
}

static void
search_changed_cb (GtkSearchEntry           *entry,
                   GestCustomersSectionPage *self)
{
  refilter (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
new_saved_cb (GestCustomerEditor       *editor,
              const char               *uuid,
              GestCustomersSectionPage *self)
{
  reload (self);
  gest_customers_section_page_show_customer (self, uuid);
}

static void
new_clicked_cb (GestCustomersSectionPage *self)
{
  gest_customers_section_page_new_customer (self);
}

static void
open_record_cb (GestCustomerPage         *page,
                const char               *kind,
                const char               *uuid,
                GestCustomersSectionPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (GEST_IS_WINDOW (root))
    gest_window_show_record (GEST_WINDOW (root), kind, uuid);
}

static void
customer_changed_cb (GestCustomersSectionPage *self)
{
  reload (self);
  gest_customers_section_page_show_customer (self, gest_customer_page_get_customer (GEST_CUSTOMER_PAGE (self->customer_page)));
}

static void
merged_cb (GestCustomerPage         *page,
           const char               *into_uuid,
           GestCustomersSectionPage *self)
{
  reload (self);
  gest_customers_section_page_show_customer (self, into_uuid);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  gest_customers_section_page_show_list (GEST_CUSTOMERS_SECTION_PAGE (widget));
}

static GtkWidget *
status_page (const char *icon_name,
             const char *title,
             const char *description)
{
  GtkWidget *status = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), icon_name);
  adw_status_page_set_title (ADW_STATUS_PAGE (status), title);
  adw_status_page_set_description (ADW_STATUS_PAGE (status), description);
  return status;
}

static void
gest_customers_section_page_get_property (GObject    *object,
                                          guint       prop_id,
                                          GValue     *value,
                                          GParamSpec *pspec)
{
  GestCustomersSectionPage *self = GEST_CUSTOMERS_SECTION_PAGE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_CAN_GO_BACK:
      g_value_set_boolean (value, gest_customers_section_page_get_can_go_back (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gest_customers_section_page_dispose (GObject *object)
{
  GestCustomersSectionPage *self = GEST_CUSTOMERS_SECTION_PAGE (object);

  g_clear_pointer ((GtkWidget **) &self->leaflet, gtk_widget_unparent);
  g_clear_object (&self->selection);
  g_clear_object (&self->list);
  g_clear_object (&self->store);
  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (gest_customers_section_page_parent_class)->dispose (object);
}

static void
gest_customers_section_page_class_init (GestCustomersSectionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = gest_customers_section_page_get_property;
  object_class->dispose = gest_customers_section_page_dispose;

  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CAN_GO_BACK] = g_param_spec_boolean ("can-go-back", NULL, NULL, FALSE,
                                                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS |
                                                       G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  /* The window's back button activates the pages' "board-page.back". */
  gtk_widget_class_install_action (widget_class, "board-page.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "board-page.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "board-page.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, GDK_ALT_MASK, "board-page.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Back, 0, "board-page.back", NULL);
}

static void
gest_customers_section_page_init (GestCustomersSectionPage *self)
{
  GtkWidget *list_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *new_button = gtk_button_new ();
  GtkWidget *new_content = adw_button_content_new ();
  GtkWidget *empty_button = gtk_button_new_with_mnemonic (_("_New Customer"));
  GtkWidget *empty;
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  AdwLeafletPage *page;

  self->leaflet = ADW_LEAFLET (adw_leaflet_new ());
  adw_leaflet_set_can_unfold (self->leaflet, FALSE);
  adw_leaflet_set_transition_type (self->leaflet, ADW_LEAFLET_TRANSITION_TYPE_SLIDE);
  gtk_widget_set_parent (GTK_WIDGET (self->leaflet), GTK_WIDGET (self));

  self->search = gtk_search_entry_new ();
  g_object_set (self->search, "placeholder-text", _("Name, RFC or phone"), NULL);
  gtk_widget_set_hexpand (self->search, TRUE);
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (new_content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (new_content), _("_New Customer"));
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (new_content), TRUE);
  gtk_button_set_child (GTK_BUTTON (new_button), new_content);
  gtk_widget_add_css_class (new_button, "suggested-action");
  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_margin_top (bar, 12);
  gtk_widget_set_margin_bottom (bar, 6);
  gtk_box_append (GTK_BOX (bar), self->search);
  gtk_box_append (GTK_BOX (bar), new_button);
  g_signal_connect_swapped (new_button, "clicked", G_CALLBACK (new_clicked_cb), self);
  g_signal_connect (self->search, "search-changed", G_CALLBACK (search_changed_cb), self);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), NULL);
  self->list_view = gtk_list_view_new (NULL, factory);
  gtk_list_view_set_single_click_activate (GTK_LIST_VIEW (self->list_view), TRUE);
  gtk_widget_add_css_class (self->list_view, "navigation-sidebar");
  g_signal_connect (self->list_view, "activate", G_CALLBACK (activate_cb), self);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->list_view);

  empty = status_page ("avatar-default-symbolic", _("No Customers Yet"),
                       _("Register the dealer’s customers here, then their vehicles and Conauto plans, or import them from a file."));
  gtk_widget_add_css_class (empty_button, "pill");
  gtk_widget_add_css_class (empty_button, "suggested-action");
  gtk_widget_set_halign (empty_button, GTK_ALIGN_CENTER);
  adw_status_page_set_child (ADW_STATUS_PAGE (empty), empty_button);
  g_signal_connect_swapped (empty_button, "clicked", G_CALLBACK (new_clicked_cb), self);

  self->stack = gtk_stack_new ();
  gtk_widget_set_vexpand (self->stack, TRUE);
  gtk_stack_add_named (GTK_STACK (self->stack), scrolled, "list");
  gtk_stack_add_named (GTK_STACK (self->stack), empty, "empty");
  gtk_stack_add_named (GTK_STACK (self->stack),
                       status_page ("system-search-symbolic", _("No Customer Found"),
                                    _("No customer has that name, RFC or phone. Check the spelling, or register the customer.")),
                       "no-match");
  gtk_box_append (GTK_BOX (list_box), bar);
  gtk_box_append (GTK_BOX (list_box), self->stack);

  page = adw_leaflet_append (self->leaflet, list_box);
  adw_leaflet_page_set_name (page, "list");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board-page.back", FALSE);
}

GtkWidget *
gest_customers_section_page_new (GestStore *store)
{
  GestCustomersSectionPage *self;
  AdwLeafletPage *page;

  g_return_val_if_fail (GEST_IS_STORE (store), NULL);

  self = g_object_new (GEST_TYPE_CUSTOMERS_SECTION_PAGE, NULL);
  self->store = g_object_ref (store);
  self->list = gest_customer_list_new (store);
  self->selection = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->list))));
  gtk_list_view_set_model (GTK_LIST_VIEW (self->list_view), self->selection);

  self->customer_page = gest_customer_page_new (store);
  g_signal_connect (self->customer_page, "open-record", G_CALLBACK (open_record_cb), self);
  g_signal_connect_swapped (self->customer_page, "changed", G_CALLBACK (customer_changed_cb), self);
  g_signal_connect (self->customer_page, "merged", G_CALLBACK (merged_cb), self);
  page = adw_leaflet_append (self->leaflet, self->customer_page);
  adw_leaflet_page_set_name (page, "detail");
  update_state (self);
  return GTK_WIDGET (self);
}

void
gest_customers_section_page_show_customer (GestCustomersSectionPage *self,
                                           const char               *uuid)
{
  gboolean was_open;
  g_autoptr(GestCustomerValues) values = NULL;

  g_return_if_fail (GEST_IS_CUSTOMERS_SECTION_PAGE (self));
  g_return_if_fail (uuid != NULL);

  was_open = gest_customers_section_page_get_can_go_back (self);
  gest_customer_page_set_customer (GEST_CUSTOMER_PAGE (self->customer_page), uuid);
  values = gest_customer_load (self->store, uuid, NULL);
  adw_leaflet_set_visible_child_name (self->leaflet, "detail");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board-page.back", TRUE);
  gtk_widget_child_focus (self->customer_page, GTK_DIR_TAB_FORWARD);
  set_title (self, values != NULL ? values->fields[GEST_CUSTOMER_FIELD_NAME] : NULL);
  if (!was_open)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_BACK]);
}

void
gest_customers_section_page_show_list (GestCustomersSectionPage *self)
{
  gboolean was_open;

  g_return_if_fail (GEST_IS_CUSTOMERS_SECTION_PAGE (self));

  was_open = gest_customers_section_page_get_can_go_back (self);
  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board-page.back", FALSE);
  set_title (self, NULL);
  if (was_open)
    {
      gtk_widget_grab_focus (self->search);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_BACK]);
    }
}

void
gest_customers_section_page_new_customer (GestCustomersSectionPage *self)
{
  GtkRoot *root;
  GestCustomerEditor *editor;

  g_return_if_fail (GEST_IS_CUSTOMERS_SECTION_PAGE (self));

  root = gtk_widget_get_root (GTK_WIDGET (self));
  editor = gest_customer_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store, NULL);
  g_signal_connect_object (editor, "saved", G_CALLBACK (new_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

void
gest_customers_section_page_set_search (GestCustomersSectionPage *self,
                                        const char               *text)
{
  g_return_if_fail (GEST_IS_CUSTOMERS_SECTION_PAGE (self));

  refilter (self, text);
  g_signal_handlers_block_by_func (self->search, search_changed_cb, self);
  gtk_editable_set_text (GTK_EDITABLE (self->search), text);
  g_signal_handlers_unblock_by_func (self->search, search_changed_cb, self);
}

GListModel *
gest_customers_section_page_get_list (GestCustomersSectionPage *self)
{
  g_return_val_if_fail (GEST_IS_CUSTOMERS_SECTION_PAGE (self), NULL);

  return G_LIST_MODEL (self->list);
}

GtkWidget *
gest_customers_section_page_get_customer_page (GestCustomersSectionPage *self)
{
  g_return_val_if_fail (GEST_IS_CUSTOMERS_SECTION_PAGE (self), NULL);

  return self->customer_page;
}

gboolean
gest_customers_section_page_get_can_go_back (GestCustomersSectionPage *self)
{
  g_return_val_if_fail (GEST_IS_CUSTOMERS_SECTION_PAGE (self), FALSE);

  return g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "detail") == 0;
}

const char *
gest_customers_section_page_get_state (GestCustomersSectionPage *self)
{
  g_return_val_if_fail (GEST_IS_CUSTOMERS_SECTION_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (GTK_STACK (self->stack));
}
