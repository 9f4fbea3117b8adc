/* SPDX-License-Identifier: GPL-3.0-or-later */
/* STUB (agenda-board): stands in for agenda-pages' reservation detail until wip-agenda-pages
 * lands; deleted then. */
#define G_LOG_DOMAIN "gest-agenda-stub"

#include "config.h"

#include <adwaita.h>

#include "gest-reservation-detail.h"

GtkWidget *
gest_reservation_detail_new (GestContext *context,
                             const char  *uuid)
{
  GtkWidget *page = adw_status_page_new ();

  adw_status_page_set_title (ADW_STATUS_PAGE (page), uuid);
  return page;
}
