# mawk: events per entity, semester and service, from a log with the header
# id,date,service,quantity (dates YYYY-MM-DD or DD/MM/YYYY; an empty
# quantity is 1). Prints id,period,service,quantity, in no order.
BEGIN { FS = "," }
NR == 1 { next }
{
  d = $2
  if (substr(d, 5, 1) == "-") {
    y = substr(d, 1, 4); m = substr(d, 6, 2) + 0
  } else {
    y = substr(d, 7, 4); m = substr(d, 4, 2) + 0
  }
  units[$1 "," y "-H" (m <= 6 ? 1 : 2) "," $3] += ($4 == "" ? 1 : $4)
}
END { for (k in units) print k "," units[k] }
