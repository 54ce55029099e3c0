# <r>(W) of the random-field xxz chain by shift-invert (50 levels at energy density 0.5), from
# luitz_r.csv written by `resonance ed study luitz --method shift-invert` (see docs/shift-invert.md).
# Usage: gnuplot -e "NL=4" plot.gp   (NL = number of chain lengths in the table)
set datafile separator ","
set datafile commentschars "#"
set terminal pngcairo size 900,600 font ",12" noenhanced
if (!exists("NL")) NL = 4
set output "luitz_r.png"
set xlabel "W"
set ylabel "<r>"
set key top right
set yrange [0.37:0.54]
set arrow from 3.7, graph 0 to 3.7, graph 1 nohead dt 2 lc rgb "gray"
set label "W_c ~ 3.7 (Luitz et al. 2015)" at 3.72, 0.525 tc rgb "gray"
set arrow from graph 0, first 0.5307 to graph 1, first 0.5307 nohead dt 3 lc rgb "black"
set arrow from graph 0, first 0.3863 to graph 1, first 0.3863 nohead dt 3 lc rgb "black"
plot for [k=0:NL-1] "luitz_r.csv" using 1:(column(2+2*k)):(column(3+2*k)) with yerrorlines \
     title columnheader(2+2*k)
