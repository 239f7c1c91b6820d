# %%
# The knee valgus explorer as a page without code: `make app` serves this notebook with
# Voila, which shows the widget alone (its own header carries the title). In JupyterLab,
# run this cell to open the same explorer here.
import biomech

biomech.explorer()
