# <r>(W) of the random-field xxz chain by shift-invert (50 levels at energy density 0.5), from the
# tables written by `resonance ed study luitz --method shift-invert` (commands in their # lines):
# luitz_r_L12-16.csv (L = 12, 14, 16 on five W) and luitz_r.csv (L = 12..18 on W = 3, 3.5, 4).
# Usage: cd docs/luitz && gnuplot plot.gp
set datafile separator ","
set datafile commentschars "#"
set terminal pngcairo size 900,600 font ",12" noenhanced
set output "luitz_r.png"
set xlabel "W"
set ylabel "<r>  (50 levels at energy density 0.5)"
set key top right
set xrange [2.4:4.6]
set yrange [0.36:0.54]
set arrow from 3.7, graph 0 to 3.7, graph 1 nohead dt 2 lc rgb "gray"
set label "W_c ~ 3.7 (Luitz et al. 2015, L <= 22)" at 3.72, 0.37 tc rgb "gray"
set arrow from graph 0, first 0.5307 to graph 1, first 0.5307 nohead dt 3 lc rgb "black"
set arrow from graph 0, first 0.3863 to graph 1, first 0.3863 nohead dt 3 lc rgb "black"
set label "GOE 0.5307" at 2.45, 0.5275
set label "Poisson 0.3863" at 2.45, 0.3835
plot "luitz_r_L12-16.csv" using "W":"r_L12":"r_L12_err" with yerrorlines title "L = 12", \
     "luitz_r_L12-16.csv" using "W":"r_L14":"r_L14_err" with yerrorlines title "L = 14", \
     "luitz_r_L12-16.csv" using "W":"r_L16":"r_L16_err" with yerrorlines title "L = 16", \
     "luitz_r.csv" using "W":"r_L18":"r_L18_err" with yerrorlines lw 2 title "L = 18"
