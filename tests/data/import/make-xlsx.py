#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Writes an XLSX plans export (Debian python3-openpyxl) to argv[1]: shared and inline strings,
# numbers, a date cell (stored as a serial number), a bad row. Run by tests/plans/test-import.
import datetime
import sys

from openpyxl import Workbook

wb = Workbook()
ws = wb.active
ws.title = "Planes"
ws.append(["Número de plan", "Razón social", "RFC", "Mensualidad", "Saldo", "Fecha de corte", "VIN"])
ws.append(["PX-1", "Transportes Ñandú SA", "TÑA010101AB1", 2450.5, 104880, datetime.date(2026, 3, 15),
           "1M8GDM9AXKP042788"])
ws.append(["PX-2", "Laura Gómez", "", 1999.99, "$1,234.50", "15/03/2026", ""])
ws.append(["PX-3", "Sin mensualidad", "", "", 5000, datetime.date(2026, 3, 15), ""])
wb.save(sys.argv[1])
