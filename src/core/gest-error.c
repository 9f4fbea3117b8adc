/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gest-error.h"

G_DEFINE_QUARK (gest-error-quark, gest_error)
