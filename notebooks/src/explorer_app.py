# %% [markdown]
# # Knee valgus explorer
#
# The stand-alone app: `make app` serves this page with Voila, showing the widget without code.
# In JupyterLab, run the cell below.

# %%
import biomech

biomech.explorer()
