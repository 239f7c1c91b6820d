# %% [markdown]
# # The virtual clinic
#
# The stand-alone page: `make clinic` serves it with Voila, showing the clinic without code.
# Submitted answers are saved on the serving computer (`$BIOMECH_CLINIC_RECORDS`, else
# `~/biomech-clinic/answers.csv`). In JupyterLab, run the cell below.

# %%
from biomech.clinic import clinic_page

clinic_page()
