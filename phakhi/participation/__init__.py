"""Activities and public participation: meetings, forums, trainings and visits, who took
part, the IAP2 level of each, and the co-participation ties they make."""
