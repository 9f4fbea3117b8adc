/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-annulments-module"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-annulment-board-source.h"
#include "gest-annulment-detail.h"
#include "gest-annulment-request-window.h"
#include "gest-annulments-module.h"
#include "gest-board-page.h"
#include "gest-board.h"

struct _GestAnnulmentsModule
{
  GestAnnulmentsDomain parent_instance;
};

static void gest_annulments_module_iface_init (GestModuleInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GestAnnulmentsModule, gest_annulments_module, GEST_TYPE_ANNULMENTS_DOMAIN,
                               G_IMPLEMENT_INTERFACE (GEST_TYPE_MODULE, gest_annulments_module_iface_init))

static void
show_annulment (GestBoardPage *page,
                GestContext   *context,
                const char    *uuid)
{
  GtkWidget *detail = gest_annulment_detail_new (context, uuid);
  GestRecordDetail *record = gest_annulment_detail_get_record_detail (GEST_ANNULMENT_DETAIL (detail));

  gest_board_page_show_detail (page, detail, gest_record_detail_get_title (record));
}

static void
item_activated_cb (GestBoardPage *page,
                   const char    *uuid,
                   GestContext   *context)
{
  show_annulment (page, context, uuid);
}

static void
detail_closed_cb (GestBoardPage *page)
{
  gest_sql_board_source_reload (GEST_SQL_BOARD_SOURCE (gest_board_get_source (gest_board_page_get_board (page))));
}

static void
request_saved_cb (GestAnnulmentRequestWindow *window,
                  const char                 *uuid,
                  GestBoardPage              *page)
{
  GestContext *context = g_object_get_data (G_OBJECT (window), "context");

  detail_closed_cb (page);
  if (uuid != NULL && context != NULL)
    show_annulment (page, context, uuid);
}

static void
new_record_cb (GestBoardPage *page,
               GestContext   *context)
{
  GtkWidget *window = gest_annulment_request_window_new (context, NULL);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (page));

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));
  g_object_set_data_full (G_OBJECT (window), "context", g_object_ref (context), g_object_unref);
  g_signal_connect_object (window, "saved", G_CALLBACK (request_saved_cb), page, 0);
  gtk_window_present (GTK_WINDOW (window));
}

static const char *
gest_annulments_module_get_title (GestModule *module)
{
  return _("Annulments");
}

static const char *
gest_annulments_module_get_icon_name (GestModule *module)
{
  return "edit-undo-symbolic";
}

static int
gest_annulments_module_get_position (GestModule *module)
{
  return 40;
}

static GtkWidget *
gest_annulments_module_create_page (GestModule  *module,
                                    GestContext *context)
{
  GestBoardPage *page = GEST_BOARD_PAGE (gest_board_page_new ());
  g_autoptr(GestSqlBoardSource) source = NULL;
  const GestBoardPageTexts texts = {
    .search_placeholder = _("Search folio, customer, city or CFDI"),
    .all_columns = _("All Stages"),
    .mine_tooltip = _("Only the requests I made"),
    .new_label = _("_New Request"),
    .new_tooltip = _("Request an invoice annulment (Ctrl+N)"),
    .empty_icon_name = "edit-undo-symbolic",
    .empty_title = _("No Annulments Yet"),
    .empty_description = _("Request an annulment with New Request, or from a complaint that ends in one. Its five documents and approvals show here, one column per stage."),
    .read_only_reason = _("Filed annulments are finished."),
  };

  source = gest_annulment_board_source_new (gest_context_get_store (context));
  gest_board_page_set_texts (page, &texts);
  gest_board_page_set_section_title (page, _("Annulments"));
  gest_board_page_set_source (page, GEST_BOARD_SOURCE (source));
  g_signal_connect_data (page, "item-activated", G_CALLBACK (item_activated_cb), g_object_ref (context),
                         (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  g_signal_connect_data (page, "new-record", G_CALLBACK (new_record_cb), g_object_ref (context),
                         (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  g_signal_connect (page, "detail-closed", G_CALLBACK (detail_closed_cb), NULL);
  return GTK_WIDGET (page);
}

/* A hit of kind "annulment" (search, gest_window_show_record ()) opens its detail. */
static gboolean
gest_annulments_module_open_hit (GestModule  *module,
                                 GestContext *context,
                                 GtkWidget   *page,
                                 const char  *kind,
                                 const char  *uuid)
{
  if (!g_str_equal (kind, "annulment") || !GEST_IS_BOARD_PAGE (page))
    return FALSE;
  show_annulment (GEST_BOARD_PAGE (page), context, uuid);
  return TRUE;
}

static void
gest_annulments_module_iface_init (GestModuleInterface *iface)
{
  iface->get_title = gest_annulments_module_get_title;
  iface->get_icon_name = gest_annulments_module_get_icon_name;
  iface->get_position = gest_annulments_module_get_position;
  iface->create_page = gest_annulments_module_create_page;
  iface->open_hit = gest_annulments_module_open_hit;
}

static void
gest_annulments_module_class_init (GestAnnulmentsModuleClass *klass)
{
}

static void
gest_annulments_module_init (GestAnnulmentsModule *self)
{
}
