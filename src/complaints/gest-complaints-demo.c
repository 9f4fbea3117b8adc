/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "gest-complaints-demo.h"
gboolean
gest_complaints_demo_fill (GestStore  *store,
                           guint       n,
                           GRand      *rand,
                           GError    **error)
{
  return TRUE;
}
